import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, readFileSync } from "node:fs";
import { open, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { Config } from "../config/config.js";
import { loadMasterKey } from "../crypto/master-key.js";
import { createBlobStore } from "../storage/blob-store.js";
import { backupFileExists, backupNoDatabase, backupNoMasterKey } from "./backup.errors.js";
import { encryptChunks, newBackupKeys } from "./backup-crypto.js";
import { openPostgresDump } from "./backup-postgres.repository.js";
import type { EndRecord, MetaRecord } from "./backup-records.js";
import { openSqliteDump } from "./backup-sqlite.repository.js";
import { type DumpConnection, encodeValue, TableDigest, type TableInfo } from "./backup-tables.js";

export interface BackupProgress {
  phase: "rows" | "files";
  done: number;
  total: number;
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  attachments: number;
  missingAttachments: string[];
  bytes: number;
  seconds: number;
}

const rowBatch = 500;
const blobPart = 512 * 1024;

/** The dump connection of the configured database (SQLite in the data directory, or PostgreSQL). */
export async function openConfiguredDump(config: Config, o: { write: boolean; file?: string }) {
  if (config.databaseUrl) return openPostgresDump(config.databaseUrl);
  const file = o.file ?? path.join(config.dataDir, "rapporteur.db");
  if (!o.write && !existsSync(file)) throw backupNoDatabase({ where: file });
  return openSqliteDump(file, o);
}

function masterKeyOf(config: Config): Buffer {
  if (!config.masterKey && !existsSync(path.join(config.dataDir, "master.key")))
    throw backupNoMasterKey({ where: path.join(config.dataDir, "master.key") });
  return loadMasterKey(config).key;
}

/** Every record of the backup, as JSON lines, read from one snapshot; the end record carries the checksums. */
async function* backupLines(
  conn: DumpConnection,
  tables: TableInfo[],
  head: Omit<MetaRecord, "t" | "tables">,
  dataDir: string,
  summary: BackupSummary,
  onProgress?: (p: BackupProgress) => void,
): AsyncGenerator<string> {
  const stream = createHash("sha256");
  const line = (r: object) => {
    const text = `${JSON.stringify(r)}\n`;
    stream.update(text);
    return text;
  };
  yield line({ t: "meta", ...head, tables: tables.map((t) => ({ name: t.name, columns: t.columns })) });
  const counts = new Map<string, number>();
  for (const t of tables) counts.set(t.name, await conn.countRows(t.name));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const end: EndRecord = { t: "end", tables: {}, blobs: { count: 0, bytes: 0, missing: [] }, digest: "" };
  for (const t of tables) {
    const digest = new TableDigest();
    for await (const batch of conn.readRows(t, rowBatch)) {
      const rows = batch.map((r) => r.map(encodeValue));
      for (const r of rows) digest.add(r);
      yield line({ t: "rows", table: t.name, rows });
      summary.rows += rows.length;
      onProgress?.({ phase: "rows", done: summary.rows, total });
    }
    // A self-referencing table is read from its roots: a row out of reach of them would be lost, so it is counted.
    if (digest.rows !== counts.get(t.name))
      throw new Error(`table ${t.name}: read ${digest.rows} rows of ${counts.get(t.name)}`);
    end.tables[t.name] = { rows: digest.rows, digest: digest.hex() };
  }
  const shas = new Set<string>();
  for (const t of tables)
    if (t.columns.includes("sha256"))
      for (const s of await conn.distinctValues(t.name, "sha256")) shas.add(s);
  const store = createBlobStore(dataDir);
  let done = 0;
  for (const sha of [...shas].sort()) {
    onProgress?.({ phase: "files", done: done++, total: shas.size });
    // Checked before a byte is written: a missing or altered file is named in the summary, never copied.
    const intact = await new Promise<boolean>((resolve) => {
      const h = createHash("sha256");
      createReadStream(store.pathOf(sha))
        .on("data", (c) => h.update(c))
        .on("error", () => resolve(false))
        .on("end", () => resolve(h.digest("hex") === sha));
    });
    if (!intact) {
      end.blobs.missing.push(sha);
      continue;
    }
    let size = 0;
    for await (const part of createReadStream(store.pathOf(sha), { highWaterMark: blobPart })) {
      size += (part as Buffer).length;
      yield line({ t: "blob", sha256: sha, data: (part as Buffer).toString("base64") });
    }
    yield line({ t: "blob_end", sha256: sha, size });
    end.blobs.count++;
    end.blobs.bytes += size;
  }
  end.digest = stream.digest("hex");
  summary.attachments = end.blobs.count;
  summary.missingAttachments = end.blobs.missing;
  yield `${JSON.stringify(end)}\n`;
}

/**
 * `rapporteur backup FILE`: every table's rows (read in one snapshot while the server may go on writing), the
 * attached files they name and the master key, gzip'd and encrypted under the passphrase, streamed to FILE (written
 * beside it first, then renamed: a failed backup leaves no file).
 * @example const summary = await createBackup({ config, file: "rapporteur.backup", passphrase });
 */
export async function createBackup(o: {
  config: Config;
  file: string;
  passphrase: string;
  onProgress?: (p: BackupProgress) => void;
}): Promise<BackupSummary> {
  const started = Date.now();
  const file = path.resolve(o.file);
  if (existsSync(file)) throw backupFileExists({ file });
  const masterKey = masterKeyOf(o.config).toString("base64");
  const keys = await newBackupKeys(o.passphrase);
  const conn = await openConfiguredDump(o.config, { write: false });
  const tmp = `${file}.${randomBytes(4).toString("hex")}.partial`;
  const summary: BackupSummary = {
    file,
    tables: 0,
    rows: 0,
    attachments: 0,
    missingAttachments: [],
    bytes: 0,
    seconds: 0,
  };
  try {
    await conn.begin("snapshot");
    const tables = await conn.listTables();
    summary.tables = tables.length;
    const migrations = tables.some((t) => t.name === "kysely_migration")
      ? (await conn.distinctValues("kysely_migration", "name")).sort()
      : [];
    const head = {
      format: 1 as const,
      dialect: conn.dialect,
      schema: migrations[migrations.length - 1] ?? "",
      createdAt: new Date().toISOString(),
      masterKey,
    };
    await pipeline(
      Readable.from(backupLines(conn, tables, head, o.config.dataDir, summary, o.onProgress)),
      createGzip({ level: 6 }),
      encryptChunks(keys),
      createWriteStream(tmp, { flags: "wx", mode: 0o600 }),
    );
    await conn.commit();
    const fh = await open(tmp, "r+");
    await fh.sync();
    await fh.close();
    await rename(tmp, file);
  } catch (e) {
    await conn.rollback();
    await unlink(tmp).catch(() => undefined);
    throw e;
  } finally {
    await conn.close();
  }
  summary.bytes = (await stat(file)).size;
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/** Reads a passphrase file: its first line, without the line ending. */
export const readPassphraseFile = (file: string) => readFileSync(file, "utf8").split(/\r?\n/)[0] ?? "";
