import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import pg from "pg";
import { openDeps } from "../server/bootstrap.js";
import { createRandom } from "../server/demo/demo-random.js";
import { importRecords } from "../server/modules/imports/bulk-import.usecases.js";
import { createMandate, setMembership } from "../server/modules/mandates/mandates.usecases.js";
import { createUser } from "../server/modules/users/users.usecases.js";
import type { Actor, MandateRole } from "../server/platform/access/access.policies.js";
import { loadConfig } from "../server/platform/config/config.js";
import { type CorpusPlace, corpusBatches, type Scale } from "./corpus-generator.js";
import type { Target } from "./raw-replay.js";

/** Bumped whenever the generator or the index schema changes, so an older cached corpus is rebuilt. */
const corpusVersion = 2;

export const benchPassword = "bench password 2026";
export const benchUsers = { holder: "holder@bench.example", analyst: "analyst@bench.example" } as const;

/** What a built corpus is, kept next to it so a later run can reuse it. */
export interface CorpusMarker {
  version: number;
  scale: string;
  seed: number;
  dialect: string;
  builtAt: string;
  counts: Record<string, number>;
  ingestSeconds: number;
  actsPerSecond: number;
  rowsPerSecond: number;
  mandateIds: string[];
  users: Record<keyof typeof benchUsers, string>;
  northHamgyong: string;
}

/** Where the corpus of a scale and seed lives (`.bench-cache/`, git-ignored). */
export function targetFor(
  scale: Scale,
  seed: number,
  databaseUrl: string | undefined,
): Target & { dir: string } {
  const name = `${scale.name}-s${seed}`;
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    url.pathname = `/rapporteur_bench_${name.replace(/-/g, "_")}`;
    const dir = path.resolve(".bench-cache", `postgres-${name}`);
    return { dialect: "postgres", dataDir: path.join(dir, "data"), databaseUrl: url.toString(), dir };
  }
  const dir = path.resolve(".bench-cache", `sqlite-${name}`);
  return { dialect: "sqlite", dataDir: path.join(dir, "data"), dir };
}

const readMarker = (dir: string): CorpusMarker | null => {
  const file = path.join(dir, "corpus.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as CorpusMarker) : null;
};

async function resetPostgres(databaseUrl: string, adminUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

/** Weights of the gazetteer: the border provinces and crossing points carry most testimony. */
const provinceWeight: Record<string, number> = { KP01: 6, KP02: 8, KP03: 2, KP08: 2 };
const borderCounties = new Set([
  "Hoeryong City",
  "Musan County",
  "Onsong County",
  "Hyesan City",
  "Sinuiju City",
]);

/**
 * Returns the cached corpus of this scale and seed, building it first through the import path when there is none
 * (or when `fresh`). Building prints its progress and measures the ingest rate.
 */
export async function prepareCorpus(
  target: Target & { dir: string },
  scale: Scale,
  seed: number,
  options: { fresh: boolean; adminUrl?: string | undefined; log: (line: string) => void },
): Promise<CorpusMarker> {
  const cached = options.fresh ? null : readMarker(target.dir);
  if (cached && cached.version !== corpusVersion)
    options.log(
      `The cached corpus was built by an older harness (version ${cached.version ?? 1}): rebuilding.`,
    );
  else if (cached) {
    options.log(
      `Using the cached ${scale.name} corpus (seed ${seed}) built ${cached.builtAt} in ${target.dir}`,
    );
    return cached;
  }
  rmSync(target.dir, { recursive: true, force: true });
  mkdirSync(target.dataDir, { recursive: true });
  if (target.databaseUrl && options.adminUrl) await resetPostgres(target.databaseUrl, options.adminUrl);
  const deps = await openDeps(
    loadConfig(
      { dataDir: target.dataDir, ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}) },
      {},
    ),
  );
  try {
    const mandates = [];
    for (const [code, nameEn, weight] of [
      ["bench-dprk", "Bench country mandate", 7],
      ["bench-trafficking", "Bench trafficking mandate", 2],
      ["bench-disappearances", "Bench disappearances mandate", 1],
    ] as const) {
      const m = await createMandate({ db: deps.db, actor: null, input: { code, nameEn, kind: "thematic" } });
      mandates.push({ id: m.id, weight });
    }
    const users = {} as Record<keyof typeof benchUsers, string>;
    for (const [key, email] of Object.entries(benchUsers) as [keyof typeof benchUsers, string][]) {
      const u = await createUser({
        db: deps.db,
        actor: null,
        input: { email, displayName: `Bench ${key}`, password: benchPassword },
      });
      users[key] = u.id;
      for (const m of mandates)
        await setMembership({
          db: deps.db,
          actor: null,
          mandateId: m.id,
          userId: u.id,
          role: key === "holder" ? "mandate_holder" : "analyst",
        });
    }
    const places = await deps.db
      .selectFrom("places")
      .select(["id", "code", "name_en", "name_ko", "level"])
      .where("built_in", "=", 1)
      .where("code", "like", "KP%")
      .execute();
    const counties: CorpusPlace[] = places
      .filter((p) => p.level === "county")
      .map((p) => ({
        id: p.id,
        en: p.name_en,
        ko: p.name_ko ?? p.name_en,
        weight: (provinceWeight[(p.code ?? "").slice(0, 4)] ?? 1) * (borderCounties.has(p.name_en) ? 5 : 1),
      }));
    const actor: Actor = {
      userId: users.holder,
      isAdmin: false,
      memberships: new Map(mandates.map((m) => [m.id, "mandate_holder" as MandateRole])),
      scopes: null,
      ip: null,
      userAgent: "rapporteur bench",
    };
    const counts: Record<string, number> = {};
    let seconds = 0;
    let done = 0;
    for (const { mandateId, batch, acts } of corpusBatches(createRandom(seed), scale, {
      mandates,
      counties,
    })) {
      const t = performance.now();
      const created = await importRecords({ db: deps.db, actor, mandateId, batch });
      seconds += (performance.now() - t) / 1000;
      for (const [k, v] of Object.entries(created)) counts[k] = (counts[k] ?? 0) + v;
      done += acts;
      options.log(
        `  imported ${done.toLocaleString("en")} / ${scale.acts.toLocaleString("en")} acts · ${Math.round(done / seconds).toLocaleString("en")} acts/s`,
      );
    }
    options.log("  optimising the index and the statistics…");
    if (target.dialect === "sqlite") {
      await sql`insert into search_fts(search_fts) values ('optimize')`.execute(deps.db);
      await sql`analyze`.execute(deps.db);
      await sql`pragma wal_checkpoint(truncate)`.execute(deps.db);
    } else {
      await sql`vacuum analyze`.execute(deps.db);
    }
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    const marker: CorpusMarker = {
      version: corpusVersion,
      scale: scale.name,
      seed,
      dialect: target.dialect,
      builtAt: new Date().toISOString(),
      counts,
      ingestSeconds: Math.round(seconds * 10) / 10,
      actsPerSecond: Math.round((counts.acts ?? 0) / seconds),
      rowsPerSecond: Math.round(rows / seconds),
      mandateIds: mandates.map((m) => m.id),
      users,
      northHamgyong: places.find((p) => p.code === "KP02")?.id ?? "",
    };
    writeFileSync(path.join(target.dir, "corpus.json"), JSON.stringify(marker, null, 2));
    return marker;
  } finally {
    await deps.destroy();
  }
}
