#!/usr/bin/env node
// `npm run test:fuzz -- [--runs N] [--seed N]`: the fuzz suite of `npm test`, long (100,000 requests per database).
import { parseArgs } from "node:util";
import { run } from "./hardening.mjs";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "100000" }, seed: { type: "string" } },
});
run("npx", ["vitest", "run", "test/integration/fuzz.test.ts"], {
  RAPPORTEUR_FUZZ_RUNS: values.runs,
  ...(values.seed ? { RAPPORTEUR_FUZZ_SEED: values.seed } : {}),
});
