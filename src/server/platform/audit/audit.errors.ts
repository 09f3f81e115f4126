import { defineError } from "../errors/app-error.js";

/** The chain is keyed under another master key than the one loaded: nothing is sealed or trusted under this one. */
export const chainKeyMismatch = defineError("audit.chain_key_mismatch", 409);
/** `--expect-head` was not written SEQ:HASH. */
export const badExpectedHead = defineError("audit.bad_expected_head", 400);
