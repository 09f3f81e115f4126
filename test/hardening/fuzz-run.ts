import fc from "fast-check";
import { anonymous } from "../support/api-client.js";
import { type Problem, problemsOf } from "./fuzz-checks.js";
import { operationsOf, requestArb } from "./fuzz-requests.js";
import type { FuzzWorld } from "./fuzz-world.js";

export interface FuzzReport {
  requests: number;
  operations: number;
  /** Operations that answered at least once with 2xx: the fuzzer got past validation and access there. */
  operationsReached2xx: number;
  seconds: number;
  seed: number;
  byStatus: Record<string, number>;
  /** One example per distinct defect (kind and route), and how often each was seen. */
  problems: (Problem & { count: number })[];
}

const batch = 500;

/**
 * Sends `runs` generated requests to the app in-process (fast-check generates them from the OpenAPI document, seeded,
 * so a run is reproducible with its seed) and checks every answer.
 * @example const report = await runFuzz(world, { runs: 2000, seed: 42 });
 */
export async function runFuzz(
  world: FuzzWorld,
  { runs, seed, log }: { runs: number; seed: number; log?: (line: string) => void },
): Promise<FuzzReport> {
  const docRes = await world.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
  if (docRes.statusCode !== 200) throw new Error(`no OpenAPI document: ${docRes.statusCode}`);
  const operations = operationsOf(docRes.json());
  const arb = requestArb(world, operations);
  const started = Date.now();
  const byStatus: Record<string, number> = {};
  const problems = new Map<string, Problem & { count: number }>();
  const reached = new Set<string>();
  let sent = 0;
  for (let b = 0; sent < runs; b++) {
    const requests = fc.sample(arb, {
      numRuns: Math.min(batch, runs - sent),
      seed: (seed * 7919 + b * 104_729) | 0,
    });
    for (const req of requests) {
      const client = req.role === "anonymous" ? null : world.clients.get(req.role);
      const method = req.operation.method;
      const res = client
        ? (await client.request(method, req.url, req.payload, req.headers)).raw
        : (await anonymous(world.app, method, req.url, req.payload, req.headers)).raw;
      sent++;
      byStatus[res.statusCode] = (byStatus[res.statusCode] ?? 0) + 1;
      if (res.statusCode < 300) reached.add(`${method} ${req.operation.path}`);
      for (const p of problemsOf(world, req, res)) {
        const seen = problems.get(p.key);
        if (seen) seen.count++;
        else problems.set(p.key, { ...p, count: 1 });
      }
    }
    if (log && sent % 10_000 < batch) log(`fuzz: ${sent} requests, ${problems.size} distinct problems`);
  }
  return {
    requests: sent,
    operations: operations.length,
    operationsReached2xx: reached.size,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    seed,
    byStatus,
    problems: [...problems.values()],
  };
}

/** The report as lines to paste into docs/SECURITY.md. */
export function describeFuzz(dialect: string, r: FuzzReport): string {
  const statuses = Object.entries(r.byStatus)
    .map(([s, n]) => `${s}: ${n}`)
    .join(", ");
  return [
    `Fuzz (${dialect}, seed ${r.seed}): ${r.requests} requests over ${r.operations} operations in ${r.seconds} s ` +
      `(${Math.round(r.requests / Math.max(r.seconds, 0.1))} req/s); ${r.operationsReached2xx} operations answered 2xx at least once`,
    `  statuses: ${statuses}`,
    `  distinct problems: ${r.problems.length}`,
    ...r.problems.slice(0, 40).map((p) => `  ✗ ${p.key} (×${p.count}) e.g. ${p.detail}`),
  ].join("\n");
}
