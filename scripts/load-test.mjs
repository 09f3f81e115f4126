#!/usr/bin/env node
// `npm run test:load -- [--seconds N] [--connections N] [--pg] [--no-build]`: mixed traffic on the built server (60 s).
import { buildUnlessSkipped, run } from "./hardening.mjs";

const args = buildUnlessSkipped(process.argv.slice(2));
run(process.execPath, ["--import", "tsx", "test/hardening/load.cli.ts", ...args]);
