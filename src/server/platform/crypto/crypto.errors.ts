import { defineError } from "../errors/app-error.js";

/** `master.key.next` (or the rotation marker) is present: records may be under either key. */
export const rotationUnfinished = defineError("keys.rotation_unfinished", 409);
/** RAPPORTEUR_MASTER_KEY mode: the new key must be given, it is never made up and kept on disk. */
export const newKeyRequired = defineError("keys.new_key_required", 400);
export const sameKey = defineError("keys.same_key", 400);
/** Resuming with another new key than the one the rotation started with. */
export const nextKeyMismatch = defineError("keys.next_key_mismatch", 409);
/** Relinking a broken audit chain under the new key would hide the break. */
export const chainBroken = defineError("keys.chain_broken", 409);
export const unknownKey = defineError("keys.unknown_key", 409);
/** A table with wrapped data keys that the rotation does not know how to open. */
export const unlistedTable = defineError("keys.unlisted_table", 409);
export const verifyFailed = defineError("keys.verify_failed", 409);
