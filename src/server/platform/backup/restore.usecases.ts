import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { appendFile, mkdir, open, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/config.js";
import { loadMasterKey } from "../crypto/master-key.js";
import { createDatabase } from "../db/database.js";
import { migrateTo, migrationNames } from "../db/migrator.js";
import { createBlobStore } from "../storage/blob-store.js";
import {
  backupDamaged,
  backupMasterKeyDiffers,
  backupNewerSchema,
  backupOtherDialect,
  backupTargetNotEmpty,
  backupWrongPassphrase,
} from "./backup.errors.js";
import { openBackupKeys } from "./backup-crypto.js";
import { openPostgresDump } from "./backup-postgres.repository.js";
import { type MetaRecord, readBackup } from "./backup-records.js";
import { openSqliteDump } from "./backup-sqlite.repository.js";
import { type DumpConnection, encodeValue, TableDigest, type TableInfo } from "./backup-tables.js";

export interface RestoreProgress {
  phase: "checking" | "writing";
  done: number;
  total: number;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  attachments: number;
  bytes: number;
  seconds: number;
}

const holdsFiles = (dir: string) => existsSync(dir) && readdirSync(dir).length > 0;

/** Refuses a data directory or database that already holds anything a restore would replace. */
async function assertEmptyTarget(config: Config, meta: MetaRecord) {
  const dir = config.dataDir;
  if (!config.masterKey && existsSync(path.join(dir, "master.key")))
    throw backupTargetNotEmpty({ where: path.join(dir, "master.key") });
  if (holdsFiles(path.join(dir, "attachments")))
    throw backupTargetNotEmpty({ where: path.join(dir, "attachments") });
  if (!config.databaseUrl) {
    if (existsSync(path.join(dir, "rapporteur.db")))
      throw backupTargetNotEmpty({ where: path.join(dir, "rapporteur.db") });
    return;
  }
  const conn = await openPostgresDump(config.databaseUrl);
  try {
    const tables = await conn.listTables();
    for (const t of tables) {
      if (t.name === "kysely_migration") {
        const applied = await conn.distinctValues(t.name, "name");
        if (applied.some((n) => n > meta.schema))
          throw backupTargetNotEmpty({ where: "the database (its schema is newer than the backup's)" });
      } else if ((await conn.countRows(t.name)) > 0)
        throw backupTargetNotEmpty({ where: `the database (table ${t.name})` });
    }
  } finally {
    await conn.close();
  }
}

/** Opens the backup's header and checks the passphrase before anything else is read. */
async function openKeys(file: string, passphrase: string) {
  const fh = await open(file, "r");
  const opening = Buffer.alloc(8192);
  const { bytesRead } = await fh.read(opening, 0, opening.length, 0);
  await fh.close();
  const opened = await openBackupKeys(opening.subarray(0, bytesRead), passphrase);
  if (!opened) throw backupWrongPassphrase();
  return opened;
}

/** The restored tables, re-read inside the restoring transaction, must give the backup's counts and digests. */
async function verifyRestored(
  conn: DumpConnection,
  tables: TableInfo[],
  end: Record<string, { rows: number; digest: string }>,
) {
  for (const t of tables) {
    const digest = new TableDigest();
    for await (const batch of conn.readRows(t, 1000)) for (const r of batch) digest.add(r.map(encodeValue));
    const want = end[t.name];
    if (!want || want.rows !== digest.rows || want.digest !== digest.hex())
      throw backupDamaged({ reason: `table ${t.name} reads back differently after the restore` });
  }
}

/**
 * `rapporteur restore FILE` into an empty data directory or database. The file is read twice: first to check the
 * passphrase and every checksum (nothing is written if it fails), then to write — the schema migrated to the
 * backup's version, every table's rows in one transaction, re-read and compared with the backup's digests before
 * the commit; attached files and the master key are written to a staging directory inside the data directory and
 * moved into place only then. On SQLite the database file itself is built in the staging directory too.
 * @example const summary = await restoreBackup({ config, file: "rapporteur.backup", passphrase });
 */
export async function restoreBackup(o: {
  config: Config;
  file: string;
  passphrase: string;
  onProgress?: (p: RestoreProgress) => void;
}): Promise<RestoreSummary> {
  const started = Date.now();
  const { config } = o;
  const file = path.resolve(o.file);
  const size = (await stat(file)).size;
  const { keys, headerLength } = await openKeys(file, o.passphrase);
  let read = 0;
  const progress = (phase: RestoreProgress["phase"]) => (n: number) => {
    read += n;
    o.onProgress?.({ phase, done: read, total: size - headerLength });
  };
  const { meta, end } = await readBackup(file, keys, headerLength, {}, progress("checking"));
  const dialect = config.databaseUrl ? "postgres" : "sqlite";
  if (meta.dialect !== dialect) throw backupOtherDialect({ from: meta.dialect, to: dialect });
  if (!migrationNames.includes(meta.schema)) throw backupNewerSchema({ version: meta.schema });
  const masterKey = Buffer.from(meta.masterKey, "base64");
  if (config.masterKey && !loadMasterKey(config).key.equals(masterKey)) throw backupMasterKeyDiffers();
  await assertEmptyTarget(config, meta);

  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const staging = path.join(config.dataDir, `.restore-${randomBytes(4).toString("hex")}`);
  await mkdir(staging, { mode: 0o700 });
  const moved: string[] = [];
  let conn: DumpConnection | null = null;
  try {
    const sqliteFile = path.join(staging, "rapporteur.db");
    const handle = createDatabase(config.databaseUrl ? config : { dataDir: staging });
    try {
      await migrateTo(handle.db, meta.schema);
    } finally {
      await handle.destroy();
    }
    conn = config.databaseUrl
      ? await openPostgresDump(config.databaseUrl)
      : openSqliteDump(sqliteFile, { write: true });
    await conn.begin("write");
    const present = new Map((await conn.listTables()).map((t) => [t.name, t]));
    const tables = meta.tables.map((m): TableInfo => {
      const t = present.get(m.name);
      if (!t || t.columns.join() !== m.columns.join())
        throw backupDamaged({ reason: `table ${m.name} does not fit the schema ${meta.schema}` });
      return t;
    });
    // Only the migrator's own rows are there; the backup's replace them.
    for (const t of [...tables].reverse()) await conn.deleteAll(t.name);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const store = createBlobStore(staging);
    const partial = (sha: string) => `${store.pathOf(sha)}.partial`;
    read = 0;
    let rows = 0;
    const writer = conn;
    await readBackup(
      file,
      keys,
      headerLength,
      {
        rows: async (table, batch) => {
          await writer.insertRows(byName.get(table) as TableInfo, batch);
          rows += batch.length;
        },
        blobPart: async (sha, bytes) => {
          await mkdir(path.dirname(store.pathOf(sha)), { recursive: true, mode: 0o700 });
          await appendFile(partial(sha), bytes, { mode: 0o600 });
        },
        blobEnd: async (sha, n) => {
          if (n === 0) await writeFile(partial(sha), "", { mode: 0o600 });
          await rename(partial(sha), store.pathOf(sha));
        },
      },
      progress("writing"),
    );
    await verifyRestored(conn, tables, end.tables);
    await conn.resetSequences();
    if (!config.masterKey)
      await writeFile(path.join(staging, "master.key"), `${meta.masterKey}\n`, { mode: 0o600, flag: "wx" });
    const names = ["attachments", "master.key"];
    if (!config.databaseUrl) {
      await conn.commit();
      await conn.close();
      conn = null;
      names.unshift("rapporteur.db");
    }
    for (const name of names) {
      const from = path.join(staging, name);
      if (!existsSync(from)) continue;
      const to = path.join(config.dataDir, name);
      if (name === "attachments" && existsSync(to)) await rmdir(to);
      await rename(from, to);
      moved.push(to);
    }
    if (conn) await conn.commit();
    return {
      tables: tables.length,
      rows,
      attachments: end.blobs.count,
      bytes: end.blobs.bytes,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (e) {
    await conn?.rollback();
    for (const m of moved) await rm(m, { recursive: true, force: true });
    throw e;
  } finally {
    await conn?.close();
    await rm(staging, { recursive: true, force: true });
  }
}
