import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeFuzz, runFuzz } from "../hardening/fuzz-run.js";
import { createFuzzWorld, type FuzzWorld } from "../hardening/fuzz-world.js";
import { dialects } from "../support/test-deps.js";

/** `npm run test:fuzz` sets these for the long run; `npm test` runs the fast one. */
const runs = Number(process.env.RAPPORTEUR_FUZZ_RUNS ?? 2000);
const seed = Number(process.env.RAPPORTEUR_FUZZ_SEED ?? Date.now() % 1_000_000);

describe.each(dialects)("every route answers fuzzed requests of every role safely on %s", (dialect) => {
  let world: FuzzWorld;
  beforeAll(async () => {
    world = await createFuzzWorld(dialect);
  });
  afterAll(async () => world?.close());

  it(
    "no 5xx, no internals, one error shape, no canary and no record of another mandate or level reaches a caller",
    async () => {
      const report = await runFuzz(world, { runs, seed, log: (l) => console.log(l) });
      console.log(describeFuzz(dialect, report));
      expect(report.requests).toBe(runs);
      expect(report.problems.map((p) => `${p.key}: ${p.detail}`)).toEqual([]);
      // Every role still holds its session: the fuzzer did not silently fall back to 401s.
      for (const [role, client] of world.clients)
        expect((await client.get("/api/v1/auth/session")).status, `${role} session`).toBe(200);
    },
    // Generous: on a busy machine a request can take 100 ms and more.
    Math.max(300_000, runs * 300),
  );
});
