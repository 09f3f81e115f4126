import { parseArgs } from "node:util";
import { createScratchDatabase } from "../support/test-deps.js";
import { describeCrash, runCrashRounds } from "./crash-run.js";

/** `npm run test:crash -- --rounds N [--pg] [--source]`: the crash suite on the built server; exits 1 on any failure. */
const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "100" },
    pg: { type: "boolean", default: false },
    source: { type: "boolean", default: false },
  },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds must be a whole number ≥ 1");
if (values.pg && !process.env.DATABASE_URL) throw new Error("--pg needs DATABASE_URL");
const scratch = values.pg ? await createScratchDatabase() : null;
try {
  const report = await runCrashRounds({
    rounds,
    entry: values.source ? "source" : "built",
    ...(scratch ? { databaseUrl: scratch.url } : {}),
    log: (line) => console.log(line),
  });
  console.log(`\n${describeCrash(report)}`);
  process.exitCode = report.failures.length ? 1 : 0;
} finally {
  await scratch?.drop();
}
