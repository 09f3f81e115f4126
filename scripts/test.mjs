#!/usr/bin/env node
// `npm test`: typecheck, lint, unit and integration tests (SQLite; PostgreSQL when DATABASE_URL is set),
// then browser tests when Chromium is found. Prints one closing line: "N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

const steps = [];
const run = (name, cmd, args, env = {}) => {
  const started = Date.now();
  console.log(`\n── ${name} ──`);
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = res.status === 0;
  steps.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
};

const counts = { passed: 0, failed: 0, skipped: 0 };
const addCounts = (file) => {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8"));
  counts.passed += r.numPassedTests ?? 0;
  counts.failed += r.numFailedTests ?? 0;
  counts.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
};

mkdirSync("test-results", { recursive: true });
console.log(
  process.env.DATABASE_URL
    ? "PostgreSQL: DATABASE_URL is set, integration tests run on SQLite and PostgreSQL."
    : "notice: DATABASE_URL is not set: integration tests run on SQLite only (PostgreSQL skipped).",
);
const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!chromium)
  console.log("notice: Chromium not found: browser tests are skipped (install Debian's chromium).");

run("typecheck", "npm", ["run", "--silent", "typecheck"]);
run("lint", "npx", ["biome", "check", "."]);
// Built first, so the server under test serves the staff application exactly as `npm start` does.
run("build the staff application", "npx", ["vite", "build", "--logLevel", "warn"]);
run("unit and integration tests", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/vitest.json",
]);
addCounts("test-results/vitest.json");
// The benchmark harness at its small scale: checks the harness and the search it measures agree (not timings).
run("benchmark harness (small scale, correctness only)", "npm", [
  "run",
  "--silent",
  "bench",
  "--",
  "--scale",
  "small",
  "--requests",
  "5",
]);
if (chromium) {
  run("browser tests", "npx", [
    "vitest",
    "run",
    "--config",
    "vitest.e2e.config.ts",
    "--reporter=default",
    "--reporter=json",
    "--outputFile.json=test-results/vitest-e2e.json",
  ]);
  addCounts("test-results/vitest-e2e.json");
}

console.log("\n── summary ──");
for (const s of steps) console.log(`${s.ok ? "ok  " : "FAIL"} ${s.name} (${s.seconds} s)`);
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(steps.every((s) => s.ok) ? 0 : 1);
