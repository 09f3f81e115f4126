import type { CorpusMarker } from "./corpus-cache.js";
import type { Stats } from "./measure.js";

export interface Report {
  scale: string;
  dialect: string;
  seed: number;
  at: string;
  corpus: CorpusMarker;
  searches: { name: string; total: number; statements: number; api: Stats; raw: Stats }[];
  search: { api: Stats; raw: Stats; bare: Stats };
  record: { api: Stats; raw: Stats };
  portal: { page: Stats; bare: Stats; bytes: number };
  dashboard: { name: string; api: Stats; raw: Stats }[];
  render: Stats | null;
  memory: { rssMb: number; peakMb: number };
  problems: string[];
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

/** The run as a readable table, with each target of the issue and whether it was met. */
export function printReport(r: Report, log: (line: string) => void) {
  const c = r.corpus;
  log(`\n== Corpus (${r.scale}, ${r.dialect}) ==`);
  log(
    Object.entries(c.counts)
      .map(([k, v]) => `${k} ${v.toLocaleString("en")}`)
      .join(" · "),
  );
  log(
    `ingest through the import path: ${c.ingestSeconds} s · ${c.actsPerSecond.toLocaleString("en")} acts/s · ${c.rowsPerSecond.toLocaleString("en")} records/s (all types, with audit rows and search documents)`,
  );
  log("\n== Faceted search (analyst, largest mandate) ==");
  log("query                                       results   API p50    API p95    raw p95   API/raw");
  for (const s of r.searches)
    log(
      `${s.name.padEnd(42)} ${String(s.total).padStart(8)} ${ms(s.api.p50).padStart(10)} ${ms(s.api.p95).padStart(10)} ${ms(s.raw.p95).padStart(10)} ${ratio(s.api.p95, s.raw.p95).padStart(8)}`,
    );
  const { api, raw, bare } = r.search;
  log(
    `all searches: API p50 ${ms(api.p50)}, p95 ${ms(api.p95)}, p99 ${ms(api.p99)} · raw p95 ${ms(raw.p95)} · bare HTTP p95 ${ms(bare.p95)}`,
  );
  log(`\n== Record page (GET /api/v1/acts/:id) ==`);
  log(`API p50 ${ms(r.record.api.p50)}, p95 ${ms(r.record.api.p95)} · raw p95 ${ms(r.record.raw.p95)}`);
  const { page, bare: barePage, bytes } = r.portal;
  log(
    `\n== Portal: a cached press-release page (${(bytes / 1024).toFixed(1)} KB) vs a bare node:http server ==`,
  );
  log(
    `portal p50 ${ms(page.p50)}, p95 ${ms(page.p95)} · bare p50 ${ms(barePage.p50)}, p95 ${ms(barePage.p95)} · portal/bare (p95) ${ratio(page.p95, barePage.p95)}`,
  );
  log("\n== Dashboard statistics ==");
  for (const d of r.dashboard)
    log(`${d.name.padEnd(30)} API p95 ${ms(d.api.p95)} · raw p95 ${ms(d.raw.p95)}`);
  if (r.render)
    log(
      `\n== Staff app: list of 50 acts, data arrived → rows on screen (Chromium) ==\np50 ${ms(r.render.p50)}, p95 ${ms(r.render.p95)}`,
    );
  log(`\n== Server memory ==\nRSS ${r.memory.rssMb} MB (peak ${r.memory.peakMb} MB)`);
  const dashboardWorst = Math.max(...r.dashboard.map((d) => d.api.p95));
  log(`\n== Targets (set for the default scale on SQLite, 2 cores; this run: ${r.scale}, ${r.dialect}) ==`);
  for (const [name, ok, value] of [
    ["faceted search p95 ≤ 50 ms", api.p95 <= 50, ms(api.p95)],
    ["faceted search ≤ 1.5× the raw query (p95)", api.p95 <= 1.5 * raw.p95, ratio(api.p95, raw.p95)],
    ["record page p95 ≤ 10 ms", r.record.api.p95 <= 10, ms(r.record.api.p95)],
    ["cached portal page p95 ≤ 5 ms", page.p95 <= 5, ms(page.p95)],
    ["dashboard statistics ≤ 1 s", dashboardWorst <= 1000, ms(dashboardWorst)],
    ["ingest ≥ 50,000 acts/s", c.actsPerSecond >= 50_000, `${c.actsPerSecond.toLocaleString("en")} acts/s`],
    ["server RSS ≤ 300 MB", r.memory.peakMb <= 300, `${r.memory.peakMb} MB`],
    ...(r.render
      ? ([["50 rows render < 100 ms after data arrives", r.render.p95 < 100, ms(r.render.p95)]] as const)
      : []),
  ] as const)
    log(`${verdict(ok).padEnd(7)} ${name.padEnd(44)} ${value}`);
}
