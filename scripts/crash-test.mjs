#!/usr/bin/env node
// `npm run test:crash -- [--rounds N] [--pg] [--no-build]`: kill -9 the built server mid-write, N rounds (default 100).
import { buildUnlessSkipped, run } from "./hardening.mjs";

const args = buildUnlessSkipped(process.argv.slice(2));
run(process.execPath, ["--import", "tsx", "test/hardening/crash.cli.ts", ...args]);
