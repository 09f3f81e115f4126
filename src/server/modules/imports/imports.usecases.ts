import { readFileSync } from "node:fs";
import { v7 as uuidv7 } from "uuid";
import { type Actor, writableUpTo } from "../../platform/access/access.policies.js";
import type { Db } from "../../platform/db/database.js";
import { isoFromNow, nowIso } from "../../platform/db/time.js";
import { forbidden, validationFailed } from "../../platform/errors/app-error.js";
import type { ImportRecordType } from "./import-fields.js";
import {
  createRun,
  executeRun,
  type ImportOutcome,
  type ImportProgress,
  openTable,
  processFile,
  type RunSource,
  tableFailure,
} from "./import-pipeline.js";
import { type ColumnMapping, mappingProblems } from "./import-rows.js";
import { emptyImportFile, importNotFound } from "./imports.errors.js";
import { createImportsRepository } from "./imports.repository.js";
import type { ImportEncoding } from "./table-encoding.js";
import {
  describeTable,
  estimateCsvRows,
  isBlankRow,
  type TableLayout,
  type TableRow,
} from "./table-reader.js";
import { type UploadStore, uploadLifetimeMs } from "./upload-store.js";

const previewRowCount = 20;
const executing = new Set<Promise<unknown>>();
/** Resolves when every run this process started has finished (the server waits for them before it closes). */
export const importsSettled = () => Promise.allSettled([...executing]);

const requireWriter = (actor: Actor, mandateId: string) => {
  if (!writableUpTo(actor, mandateId)) throw forbidden();
};

/** Deletes uploads (rows and files) older than their lifetime. */
export async function sweepExpiredUploads({ db, uploads }: { db: Db; uploads: UploadStore }) {
  const ids = await createImportsRepository({ db }).deleteExpiredUploads(nowIso());
  for (const id of ids) uploads.remove(id);
  return ids.length;
}

/**
 * Keeps an uploaded file for 24 hours and answers what it holds: its format, encoding (detected, or the one the
 * user chose), line ending, delimiter, column headers, the first rows and the number of data rows.
 * @example await previewImport({ db, uploads, actor, mandateId, type: "recommendations", filename, bytes });
 */
export async function previewImport({
  db,
  uploads,
  actor,
  mandateId,
  type,
  filename,
  bytes,
  encoding,
}: {
  db: Db;
  uploads: UploadStore;
  actor: Actor;
  mandateId: string;
  type: ImportRecordType;
  filename: string;
  bytes: Buffer;
  encoding?: ImportEncoding | undefined;
}) {
  requireWriter(actor, mandateId);
  await sweepExpiredUploads({ db, uploads });
  if (!bytes.length) throw emptyImportFile();
  let layout: TableLayout;
  try {
    layout = describeTable(bytes, encoding);
  } catch (e) {
    throw tableFailure(e);
  }
  const id = uuidv7();
  uploads.save(id, bytes);
  try {
    const table = await openTable(uploads.fileOf(id), layout);
    const rows: TableRow[] = [];
    let rowCount = 0;
    for await (const row of table.rows) {
      if (isBlankRow(row.cells)) continue;
      rowCount++;
      if (rows.length < previewRowCount) rows.push(row);
    }
    const now = nowIso();
    const expiresAt = isoFromNow(uploadLifetimeMs);
    await createImportsRepository({ db }).insertUpload({
      id,
      mandate_id: mandateId,
      user_id: actor.userId,
      record_type: type,
      filename,
      format: layout.format,
      encoding: layout.encoding,
      size: bytes.length,
      row_count: rowCount,
      run_id: null,
      created_at: now,
      expires_at: expiresAt,
    });
    return { uploadId: id, filename, type, ...layout, headers: table.headers, rows, rowCount, expiresAt };
  } catch (e) {
    uploads.remove(id);
    throw tableFailure(e);
  }
}

/** The caller's own upload, still kept; anyone else's (or an expired one) is not found. */
async function loadUpload(db: Db, actor: Actor, uploadId: string) {
  const upload = await createImportsRepository({ db }).findUpload(uploadId);
  if (!upload || upload.user_id !== actor.userId || upload.expires_at < nowIso()) throw importNotFound();
  requireWriter(actor, upload.mandate_id);
  return upload;
}

const layoutOf = (upload: { format: string; encoding: string | null }, bytes?: Buffer): TableLayout => {
  if (upload.format === "xlsx")
    return {
      format: "xlsx",
      encoding: null,
      detectedEncoding: null,
      encodingCertain: true,
      lineEnding: null,
      delimiter: null,
    };
  return describeTable(bytes ?? Buffer.alloc(0), (upload.encoding ?? "utf-8") as ImportEncoding);
};

/**
 * Checks an uploaded file through a mapping without writing anything: what would be created, and every problem
 * by line (as in the file, the header being line 1), column and field.
 */
export async function dryRunImport({
  db,
  uploads,
  actor,
  uploadId,
  mapping,
}: {
  db: Db;
  uploads: UploadStore;
  actor: Actor;
  uploadId: string;
  mapping: ColumnMapping;
}): Promise<ImportOutcome> {
  const upload = await loadUpload(db, actor, uploadId);
  const file = uploads.fileOf(upload.id);
  const layout = layoutOf(upload, upload.format === "csv" ? readFileSync(file) : undefined);
  return processFile({
    db,
    actor,
    mandateId: upload.mandate_id,
    type: upload.record_type as ImportRecordType,
    file,
    layout,
    mapping,
    dryRun: true,
  });
}

/**
 * Starts committing an uploaded file: checks the mapping against its headers at once (a 400 names what does not
 * fit), then runs in the background; its progress and report are read with `getImportRun`.
 */
export async function startImport({
  db,
  uploads,
  actor,
  uploadId,
  mapping,
  mappingName,
}: {
  db: Db;
  uploads: UploadStore;
  actor: Actor;
  uploadId: string;
  mapping: ColumnMapping;
  mappingName?: string | null | undefined;
}): Promise<{ id: string }> {
  const upload = await loadUpload(db, actor, uploadId);
  const type = upload.record_type as ImportRecordType;
  const file = uploads.fileOf(upload.id);
  const layout = layoutOf(upload, upload.format === "csv" ? readFileSync(file) : undefined);
  let table: Awaited<ReturnType<typeof openTable>>;
  try {
    table = await openTable(file, layout);
  } catch (e) {
    throw tableFailure(e);
  }
  await table.close();
  const problems = mappingProblems(type, mapping, table.headers);
  if (Object.keys(problems).length) throw validationFailed({}, problems);
  const source: RunSource = {
    file,
    filename: upload.filename,
    layout,
    rowCount: upload.row_count,
    uploadId: upload.id,
  };
  const id = await createRun({
    db,
    actor,
    mandateId: upload.mandate_id,
    type,
    source,
    mapping,
    mappingName: mappingName ?? null,
  });
  const run = executeRun({
    db,
    uploads,
    actor,
    runId: id,
    mandateId: upload.mandate_id,
    type,
    source,
    mapping,
  })
    .catch(() => {
      // Recorded on the run's row; nobody awaits a background run.
    })
    .finally(() => executing.delete(run));
  executing.add(run);
  return { id };
}

/**
 * Imports a file from disk as the actor (the command line): the same reading, checks and single transaction as an
 * upload, with a run row and its report unless it is a dry run. `encoding` overrides detection.
 * @example await importFile({ db, actor, mandateId, type: "recommendations", file, bytes, mapping, dryRun: false });
 */
export async function importFile({
  db,
  actor,
  mandateId,
  type,
  file,
  filename,
  bytes,
  encoding,
  mapping,
  mappingName,
  dryRun,
  onProgress,
}: {
  db: Db;
  actor: Actor;
  mandateId: string;
  type: ImportRecordType;
  file: string;
  filename: string;
  bytes: Buffer;
  encoding?: ImportEncoding | undefined;
  mapping: ColumnMapping;
  mappingName?: string | null | undefined;
  dryRun: boolean;
  onProgress?: ((p: ImportProgress) => void) | undefined;
}): Promise<ImportOutcome & { runId: string | null; layout: TableLayout }> {
  requireWriter(actor, mandateId);
  let layout: TableLayout;
  let rowCount = 0;
  try {
    layout = describeTable(bytes, encoding);
    const table = await openTable(file, layout);
    const problems = mappingProblems(type, mapping, table.headers);
    if (Object.keys(problems).length) {
      await table.close();
      throw validationFailed({}, problems);
    }
    if (layout.format === "csv") {
      await table.close();
      rowCount = estimateCsvRows(bytes, layout);
    } else for await (const row of table.rows) if (!isBlankRow(row.cells)) rowCount++;
  } catch (e) {
    throw tableFailure(e);
  }
  if (dryRun) {
    const outcome = await processFile({
      db,
      actor,
      mandateId,
      type,
      file,
      layout,
      mapping,
      dryRun: true,
      onProgress: (p) => onProgress?.(p.phase === "reading" ? { ...p, total: rowCount } : p),
    });
    return { ...outcome, runId: null, layout };
  }
  const source: RunSource = { file, filename, layout, rowCount, uploadId: null };
  const runId = await createRun({
    db,
    actor,
    mandateId,
    type,
    source,
    mapping,
    mappingName: mappingName ?? null,
  });
  const outcome = await executeRun({
    db,
    uploads: null,
    actor,
    runId,
    mandateId,
    type,
    source,
    mapping,
    onProgress,
  });
  return { ...outcome, runId, layout };
}
