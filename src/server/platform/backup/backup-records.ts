import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { backupDamaged, backupTruncated } from "./backup.errors.js";
import { type BackupKeys, decryptChunks } from "./backup-crypto.js";
import { decodeValue, TableDigest } from "./backup-tables.js";

/** The first record of a backup: what it holds and where it comes from. */
export interface MetaRecord {
  t: "meta";
  format: 1;
  dialect: "sqlite" | "postgres";
  /** The last migration applied to the database backed up. */
  schema: string;
  createdAt: string;
  tables: { name: string; columns: string[] }[];
  /** The master key (base64): without it the sealed identifying data cannot be opened. */
  masterKey: string;
}
export interface RowsRecord {
  t: "rows";
  table: string;
  rows: unknown[][];
}
export interface BlobRecord {
  t: "blob";
  sha256: string;
  data: string;
}
export interface BlobEndRecord {
  t: "blob_end";
  sha256: string;
  size: number;
}
export interface EndRecord {
  t: "end";
  tables: Record<string, { rows: number; digest: string }>;
  blobs: { count: number; bytes: number; missing: string[] };
  /** SHA-256 of every line before this one. */
  digest: string;
}
export type BackupRecord = MetaRecord | RowsRecord | BlobRecord | BlobEndRecord | EndRecord;

/** What a reader is handed, already checked against the running digests. */
export interface RecordHandler {
  meta?: (m: MetaRecord) => Promise<void> | void;
  rows?: (table: string, rows: unknown[][]) => Promise<void>;
  blobPart?: (sha256: string, bytes: Buffer) => Promise<void>;
  blobEnd?: (sha256: string, size: number) => Promise<void>;
}

/**
 * Reads a backup from `offset` (the end of its header): decrypts, gunzips, parses each JSON line and checks every
 * count and digest — per table, per file and for the whole stream — calling the handler as it goes. Throws
 * `backup.damaged` or `backup.truncated`; a handler's own writes must be undone by its caller then.
 * @example const { meta, end } = await readBackup(file, keys, offset, {});
 */
export async function readBackup(
  file: string,
  keys: BackupKeys,
  offset: number,
  handler: RecordHandler,
  onBytes?: (n: number) => void,
): Promise<{ meta: MetaRecord; end: EndRecord }> {
  let meta: MetaRecord | null = null;
  let end: EndRecord | null = null;
  const stream = createHash("sha256");
  const digests = new Map<string, TableDigest>();
  let blob: { sha256: string; hash: ReturnType<typeof createHash>; size: number } | null = null;
  let blobs = 0;
  let blobBytes = 0;

  const onRecord = async (line: string) => {
    if (end) throw backupDamaged({ reason: "records after the end" });
    let r: BackupRecord;
    try {
      r = JSON.parse(line) as BackupRecord;
    } catch {
      throw backupDamaged({ reason: "a record is not JSON" });
    }
    if (r.t !== "end") stream.update(`${line}\n`);
    if (!meta) {
      if (r.t !== "meta" || r.format !== 1) throw backupDamaged({ reason: "no description at the start" });
      meta = r;
      for (const t of r.tables) digests.set(t.name, new TableDigest());
      await handler.meta?.(r);
      return;
    }
    if (r.t === "rows") {
      const digest = digests.get(r.table);
      if (!digest) throw backupDamaged({ reason: `rows of an unknown table ${r.table}` });
      for (const row of r.rows) digest.add(row);
      await handler.rows?.(
        r.table,
        r.rows.map((row) => row.map(decodeValue)),
      );
    } else if (r.t === "blob") {
      if (blob && blob.sha256 !== r.sha256) throw backupDamaged({ reason: "file parts interleaved" });
      blob ??= { sha256: r.sha256, hash: createHash("sha256"), size: 0 };
      const bytes = Buffer.from(r.data, "base64");
      blob.hash.update(bytes);
      blob.size += bytes.length;
      await handler.blobPart?.(r.sha256, bytes);
    } else if (r.t === "blob_end") {
      const got = blob ?? { sha256: r.sha256, hash: createHash("sha256"), size: 0 };
      if (got.sha256 !== r.sha256 || got.hash.digest("hex") !== r.sha256 || got.size !== r.size)
        throw backupDamaged({ reason: `file ${r.sha256} does not match its checksum` });
      blob = null;
      blobs++;
      blobBytes += r.size;
      await handler.blobEnd?.(r.sha256, r.size);
    } else if (r.t === "end") {
      for (const [name, d] of digests) {
        const want = r.tables[name];
        if (!want || want.rows !== d.rows || want.digest !== d.hex())
          throw backupDamaged({ reason: `table ${name} does not match its checksum` });
      }
      if (r.blobs.count !== blobs || r.blobs.bytes !== blobBytes || blob)
        throw backupDamaged({ reason: "the attached files do not match their count" });
      if (r.digest !== stream.digest("hex"))
        throw backupDamaged({ reason: "the stream does not match its digest" });
      end = r;
    } else throw backupDamaged({ reason: "unknown record" });
  };

  const input = createReadStream(file, { start: offset, highWaterMark: 256 * 1024 });
  if (onBytes) input.on("data", (c) => onBytes(c.length));
  await pipeline(input, decryptChunks(keys), createGunzip(), async (source: AsyncIterable<Buffer>) => {
    const decoder = new StringDecoder("utf8");
    let parts: string[] = [];
    for await (const chunk of source) {
      const text = decoder.write(chunk);
      let from = 0;
      let nl = text.indexOf("\n");
      while (nl >= 0) {
        parts.push(text.slice(from, nl));
        await onRecord(parts.join(""));
        parts = [];
        from = nl + 1;
        nl = text.indexOf("\n", from);
      }
      if (from < text.length) parts.push(text.slice(from));
    }
    parts.push(decoder.end());
    if (parts.join("").length) await onRecord(parts.join(""));
  }).catch((e: unknown) => {
    const code = (e as { code?: string }).code;
    if (code === "Z_BUF_ERROR" || code === "Z_DATA_ERROR") throw backupDamaged({ reason: "compressed data" });
    throw e;
  });
  if (!meta || !end) throw backupTruncated();
  return { meta, end };
}
