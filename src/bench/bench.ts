import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { actSpec } from "../server/modules/acts/acts.schemas.js";
import { actsOverTime, topPlaces } from "../server/modules/analytics/analytics.usecases.js";
import { search } from "../server/modules/search/search.usecases.js";
import type { Actor } from "../server/platform/access/access.policies.js";
import { getRecord } from "../server/platform/records/records.usecases.js";
import { measureListRender } from "./browser-render.js";
import { benchPassword, benchUsers, prepareCorpus, targetFor } from "./corpus-cache.js";
import { scales } from "./corpus-generator.js";
import { getText, type Stats, startBareServer, statsOf, timed } from "./measure.js";
import { ensurePortalRelease } from "./portal-page.js";
import { openReplay } from "./raw-replay.js";
import { printReport, type Report } from "./report.js";
import { signInHeaders, startServer } from "./server-process.js";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "default" },
    seed: { type: "string", default: "20171" },
    fresh: { type: "boolean", default: false },
    requests: { type: "string" },
    "prepare-only": { type: "boolean", default: false },
  },
});

const log = (line: string) => console.log(line);
const scale = scales[args.scale ?? "default"];
if (!scale) {
  console.error(`Unknown scale "${args.scale}": use ${Object.keys(scales).join(", ")}.`);
  process.exit(2);
}
const seed = Number(args.seed);
const requests = Number(args.requests ?? (scale.name === "small" ? 20 : 100));
const adminUrl = process.env.DATABASE_URL || undefined;
const target = targetFor(scale, seed, adminUrl);

log(
  `Rapporteur bench · scale ${scale.name} (${scale.acts.toLocaleString("en")} acts) · ${target.dialect} · seed ${seed}`,
);
const marker = await prepareCorpus(target, scale, seed, { fresh: args.fresh ?? false, adminUrl, log });
if (args["prepare-only"]) {
  log(
    `Corpus ready: ${marker.counts.acts?.toLocaleString("en")} acts, ingest ${marker.actsPerSecond} acts/s.`,
  );
  process.exit(0);
}
const mandateId = marker.mandateIds[0] as string;
const analyst: Actor = {
  userId: marker.users.analyst,
  isAdmin: false,
  memberships: new Map(marker.mandateIds.map((id) => [id, "analyst" as const])),
  scopes: null,
  ip: null,
  userAgent: "rapporteur bench",
};

const searches: { name: string; params: Record<string, string> }[] = [
  { name: "Korean, 2 syllables (구금)", params: { q: "구금" } },
  { name: "Korean compound (강제송환)", params: { q: "강제송환" } },
  { name: "English stem (detain)", params: { q: "detain" } },
  {
    name: "facets only: detention of women",
    params: { type: "act", actType: "030100000000", victimSex: "020000000000" },
  },
  {
    name: "text + type + dates (보위부)",
    params: { q: "보위부", type: "source", dateFrom: "2010", dateTo: "2015" },
  },
  {
    name: "province + perpetrator",
    params: { type: "act", place: marker.northHamgyong, perpetratorType: "010106000000" },
  },
];

const replay = openReplay(target);
const server = await startServer({
  RAPPORTEUR_DATA_DIR: target.dataDir,
  ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
});
const problems: string[] = [];
try {
  const headers = await signInHeaders(server.url, benchUsers.analyst, benchPassword);
  /** Statements one use case issues, captured in-process, then replayed raw. */
  const capture = async (run: () => Promise<unknown>) => {
    replay.captured.length = 0;
    const result = await run();
    return { result, statements: [...replay.captured] };
  };
  const rawTimes = (statements: typeof replay.captured) =>
    timed(requests, 3, async () => {
      for (const s of statements) await replay.raw(s);
    });

  log(
    `Measuring ${searches.length} faceted searches × ${requests} requests (API over HTTP, and the same SQL raw)…`,
  );
  const perSearch: Report["searches"] = [];
  const allApi: number[] = [];
  const allRaw: number[] = [];
  let sampleBody = "";
  for (const s of searches) {
    const query = { mandateId, limit: 20, ...s.params };
    const { result, statements } = await capture(() => search({ db: replay.db, actor: analyst, query }));
    const qs = new URLSearchParams({ mandateId, ...s.params }).toString();
    const url = `${server.url}/api/v1/search?${qs}`;
    const body = await getText(url, headers);
    sampleBody ||= body;
    const total = (JSON.parse(body) as { total: number }).total;
    if (total !== (result as { total: number }).total)
      problems.push(`${s.name}: the API found ${total}, the use case ${(result as { total: number }).total}`);
    if (total === 0) problems.push(`${s.name}: no results`);
    const api = await timed(requests, 3, () => getText(url, headers));
    const raw = await rawTimes(statements);
    allApi.push(...api);
    allRaw.push(...raw);
    perSearch.push({
      name: s.name,
      total,
      statements: statements.length,
      api: statsOf(api),
      raw: statsOf(raw),
    });
  }

  log("Measuring the bare HTTP server with the same body…");
  const bare = await startBareServer(sampleBody);
  const bareTimes = await timed(requests * searches.length, 10, () => getText(bare.url));
  await bare.close();

  log("Measuring a press-release page of the public portal (cached), and a bare HTTP server with its body…");
  const pageUrl = `${server.url}/en/press-releases/${await ensurePortalRelease(replay.db)}`;
  const pageBody = await getText(pageUrl);
  const portalTimes = await timed(requests * 5, 5, () => getText(pageUrl));
  const barePage = await startBareServer(pageBody, "text/html; charset=utf-8");
  const barePageTimes = await timed(requests * 5, 5, () => getText(barePage.url));
  await barePage.close();

  log("Measuring record pages…");
  const ids = (
    await replay.db
      .selectFrom("acts")
      .select("id")
      .where("mandate_id", "=", mandateId)
      .where("restricted", "=", 0)
      .where("confidentiality", "in", ["internal", "confidential"])
      .orderBy("id")
      .limit(requests * 2)
      .execute()
  ).map((r) => r.id);
  const pick = (i: number) => ids[i % ids.length] as string;
  const recordApi = await timed(requests * 2, 5, (i) =>
    getText(`${server.url}/api/v1/acts/${pick(i)}`, headers),
  );
  const { statements: recordStatements } = await capture(() =>
    getRecord({ db: replay.db, actor: analyst, spec: actSpec, id: pick(0) }),
  );
  const recordRaw = await timed(requests * 2, 5, async () => {
    for (const s of recordStatements) await replay.raw(s);
  });

  log("Measuring dashboard statistics…");
  const dashboard: Report["dashboard"] = [];
  for (const [name, route, run] of [
    [
      "acts per quarter by type",
      `/api/v1/analytics/acts-over-time?mandateId=${mandateId}&period=quarter&by=actType`,
      () =>
        actsOverTime({
          db: replay.db,
          actor: analyst,
          query: { mandateId, period: "quarter", by: "actType" },
        }),
    ],
    [
      "acts per year by province",
      `/api/v1/analytics/acts-over-time?mandateId=${mandateId}&period=year&by=province`,
      () =>
        actsOverTime({ db: replay.db, actor: analyst, query: { mandateId, period: "year", by: "province" } }),
    ],
    [
      "top counties",
      `/api/v1/analytics/top-places?mandateId=${mandateId}&level=county`,
      () => topPlaces({ db: replay.db, actor: analyst, query: { mandateId }, level: "county", limit: 20 }),
    ],
  ] as const) {
    const { statements } = await capture(run);
    const times = Math.max(5, Math.round(requests / 10));
    const api = await timed(times, 1, () => getText(`${server.url}${route}`, headers));
    const raw = await timed(times, 1, async () => {
      for (const s of statements) await replay.raw(s);
    });
    dashboard.push({ name, api: statsOf(api), raw: statsOf(raw) });
  }

  log("Measuring a list of 50 acts rendering in Chromium…");
  const render = await measureListRender(
    server.url,
    benchUsers.analyst,
    benchPassword,
    Math.min(requests, 30),
  );
  if (!render) log("  (Chromium not found: skipped)");

  const report: Report = {
    scale: scale.name,
    dialect: target.dialect,
    seed,
    at: new Date().toISOString(),
    corpus: marker,
    searches: perSearch,
    search: { api: statsOf(allApi), raw: statsOf(allRaw), bare: statsOf(bareTimes) },
    record: { api: statsOf(recordApi), raw: statsOf(recordRaw) },
    portal: { page: statsOf(portalTimes), bare: statsOf(barePageTimes), bytes: Buffer.byteLength(pageBody) },
    dashboard,
    render,
    memory: server.memory(),
    problems,
  };
  printReport(report, log);
  mkdirSync("bench-results", { recursive: true });
  const file = path.join(
    "bench-results",
    `bench-${scale.name}-${target.dialect}-${report.at.replace(/[:.]/g, "-")}.json`,
  );
  writeFileSync(file, JSON.stringify(report, null, 2));
  log(`\nFull results: ${file}`);
} finally {
  await server.stop();
  await replay.close();
}
if (problems.length) {
  console.error(`\nThe harness found ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}

export type { Stats };
