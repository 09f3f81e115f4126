// Shared by the crash, load and fuzz suites' scripts: builds the server as `npm start` does, then runs a suite.
import { spawnSync } from "node:child_process";

/** Runs a command, inheriting the terminal; exits with its status if it fails. */
export function run(cmd, args, env = {}) {
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

/** `npm run build`, unless `--no-build` was given (the caller then says dist/ is current). */
export function buildUnlessSkipped(argv) {
  if (argv.includes("--no-build")) return argv.filter((a) => a !== "--no-build");
  run("npm", ["run", "--silent", "build"]);
  return argv;
}
