import { describe, expect, it } from "vitest";
import { describeCrash, runCrashRounds } from "../hardening/crash-run.js";
import { createScratchDatabase, dialects } from "../support/test-deps.js";

describe.each(dialects)("a server killed with kill -9 mid-write on %s", (dialect) => {
  it("comes back whole: integrity holds, every acknowledged write is there, no import is half-applied", async () => {
    const scratch = dialect === "postgres" ? await createScratchDatabase() : null;
    try {
      const report = await runCrashRounds({
        rounds: 3,
        entry: "source",
        ...(scratch ? { databaseUrl: scratch.url } : {}),
      });
      console.log(describeCrash(report));
      expect(report.failures).toEqual([]);
      expect(report.roundsSurvived).toBe(3);
      expect(report.writesAcknowledged).toBeGreaterThan(0);
      expect(report.writesVerified).toBe(report.writesAcknowledged);
    } finally {
      await scratch?.drop();
    }
    // Each round starts the server from source: seconds on an idle machine, a minute or more on a loaded one.
  }, 900_000);
});
