import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import type { ImportRunPhase } from "../../platform/db/schema-imports.types.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { validationFailed } from "../../platform/errors/app-error.js";
import { checkBatch, type ImportType, writeBatch } from "./bulk-import.usecases.js";
import type { ImportRecordType } from "./import-fields.js";
import {
  type BuiltBatch,
  buildBatch,
  type ColumnMapping,
  locateProblem,
  mappingProblems,
  type RowError,
  sortErrors,
} from "./import-rows.js";
import { emptyImportFile, importAlreadyRunning, unreadableTable } from "./imports.errors.js";
import { createImportsRepository } from "./imports.repository.js";
import { isBlankRow, readTableRows, TableError, type TableLayout, type TableRow } from "./table-reader.js";
import type { UploadStore } from "./upload-store.js";

/**
 * The import of one file, whoever starts it (an upload in the browser, the command line): read the rows through a
 * mapping, check them all, then write every record in one transaction or none, as a run with progress and a report.
 */

/** The most errors a dry run or a failed run reports (all rows are still checked). */
export const maxImportErrors = 200;

/** Where a run is: its phase, and how many of that phase's rows are done. */
export interface ImportProgress {
  phase: ImportRunPhase;
  done: number;
  total: number;
}

/** Progress of the runs this process is executing; a run's row is the record of the others. */
export const liveImports = new Map<string, ImportProgress>();
/** A file's header row and the rows after it. */
export async function openTable(file: string, layout: TableLayout) {
  const rows = readTableRows(file, layout);
  let header: TableRow | undefined;
  for (;;) {
    const next = await rows.next();
    if (next.done) break;
    if (!isBlankRow(next.value.cells)) {
      header = next.value;
      break;
    }
  }
  if (!header) {
    await rows.return(undefined);
    throw emptyImportFile();
  }
  return {
    headers: header.cells.map((h) => h.replace(/^\uFEFF/, "").trim()),
    rows: { [Symbol.asyncIterator]: () => rows } as AsyncIterable<TableRow>,
    close: () => rows.return(undefined),
  };
}

export const tableFailure = (e: unknown) => {
  if (e instanceof TableError) return unreadableTable(e.code, e.line);
  return e;
};

/** What a file would create, or why it cannot: counts per record type, and errors by line, column and field. */
export interface ImportOutcome {
  ok: boolean;
  rows: number;
  counts: Partial<Record<ImportType, number>>;
  ids: Partial<Record<ImportType, string[]>>;
  errors: RowError[];
  truncated: boolean;
}

class ImportRejected extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super("import rejected");
  }
}

const countsOf = (built: BuiltBatch) =>
  Object.fromEntries(Object.entries(built.batch).map(([k, rows]) => [k, rows?.length ?? 0])) as Partial<
    Record<ImportType, number>
  >;
const failed = (errors: RowError[], rows = 0): ImportOutcome => ({
  ok: false,
  rows,
  counts: {},
  ids: {},
  ...sortErrors(errors, maxImportErrors),
});

/**
 * Reads a file through a mapping and checks every row; unless it is a dry run, writes all of its records in one
 * transaction, or none of them. `finish` runs inside that transaction once the records are written (the run's
 * report commits with them). A mapping that does not fit the file throws a validation error before any row is read.
 */
export async function processFile({
  db,
  actor,
  mandateId,
  type,
  file,
  layout,
  mapping,
  dryRun,
  onProgress,
  finish,
}: {
  db: Db;
  actor: Actor;
  mandateId: string;
  type: ImportRecordType;
  file: string;
  layout: TableLayout;
  mapping: ColumnMapping;
  dryRun: boolean;
  onProgress?: ((p: ImportProgress) => Promise<void> | void) | undefined;
  finish?: (trx: Tx, outcome: ImportOutcome) => Promise<void>;
}): Promise<ImportOutcome> {
  let built: BuiltBatch;
  try {
    const table = await openTable(file, layout);
    const problems = mappingProblems(type, mapping, table.headers);
    if (Object.keys(problems).length) {
      await table.close();
      throw validationFailed({}, problems);
    }
    built = await buildBatch({
      db,
      mandateId,
      type,
      mapping,
      headers: table.headers,
      rows: table.rows,
      onRow: (done) => onProgress?.({ phase: "reading", done, total: 0 }),
    });
  } catch (e) {
    if (e instanceof TableError) return failed([{ line: e.line, column: null, field: null, code: e.code }]);
    throw e;
  }
  const records = Object.values(built.batch).reduce((n, rows) => n + (rows?.length ?? 0), 0);
  // Checking and writing give other requests their turn between batches: the progress of this run is one of them.
  const report = (phase: ImportRunPhase, done: number) => void onProgress?.({ phase, done, total: records });
  const checking = (done: number) => report("checking", done);
  if (dryRun) {
    const { problems } = await checkBatch({
      db,
      actor,
      mandateId,
      batch: built.batch,
      maxProblems: maxImportErrors,
      onChecked: checking,
    });
    const errors = [...built.errors, ...problems.map((p) => locateProblem(p, built, type))];
    return {
      ok: errors.length === 0,
      rows: built.rows,
      counts: countsOf(built),
      ids: {},
      ...sortErrors(errors, maxImportErrors),
    };
  }
  if (built.errors.length) return failed(built.errors, built.rows);
  try {
    return await inTransaction(db, async (trx) => {
      const { problems, prepared } = await checkBatch({
        db: trx,
        actor,
        mandateId,
        batch: built.batch,
        maxProblems: maxImportErrors,
        onChecked: checking,
      });
      if (problems.length)
        throw new ImportRejected(
          failed(
            problems.map((p) => locateProblem(p, built, type)),
            built.rows,
          ),
        );
      const written = await writeBatch({
        trx,
        actor,
        mandateId,
        prepared,
        onWritten: (done) => report("writing", done),
      });
      const outcome: ImportOutcome = {
        ok: true,
        rows: built.rows,
        counts: Object.fromEntries(Object.entries(written.counts).filter(([, n]) => n > 0)),
        ids: written.ids,
        errors: [],
        truncated: false,
      };
      await finish?.(trx, outcome);
      return outcome;
    });
  } catch (e) {
    if (e instanceof ImportRejected) return e.outcome;
    throw e;
  }
}

export interface RunSource {
  file: string;
  filename: string;
  layout: TableLayout;
  rowCount: number;
  /** The upload the file came from, deleted with the commit. */
  uploadId: string | null;
}

/**
 * Executes an import run to its end: progress on the run's row while the file is read (and in memory throughout),
 * then all records, the report and the deletion of the upload in one transaction; a run that writes nothing keeps
 * its errors on its row.
 */
export async function executeRun({
  db,
  uploads,
  actor,
  runId,
  mandateId,
  type,
  source,
  mapping,
  onProgress,
}: {
  db: Db;
  uploads: UploadStore | null;
  actor: Actor;
  runId: string;
  mandateId: string;
  type: ImportRecordType;
  source: RunSource;
  mapping: ColumnMapping;
  onProgress?: ((p: ImportProgress) => void) | undefined;
}): Promise<ImportOutcome> {
  const repo = createImportsRepository({ db });
  let saved = 0;
  const progress = (p: ImportProgress) => {
    const shown = p.phase === "reading" ? { ...p, total: source.rowCount } : p;
    liveImports.set(runId, shown);
    onProgress?.(shown);
    // Only the reading happens outside the write transaction: the run's row moves then, every half second.
    if (p.phase !== "reading" || Date.now() - saved <= 500) return;
    saved = Date.now();
    return repo.updateRun(runId, { phase: "reading", rows_done: p.done, updated_at: nowIso() });
  };
  liveImports.set(runId, { phase: "reading", done: 0, total: source.rowCount });
  try {
    const outcome = await processFile({
      db,
      actor,
      mandateId,
      type,
      file: source.file,
      layout: source.layout,
      mapping,
      dryRun: false,
      onProgress: progress,
      finish: async (trx, done) => {
        const finishedAt = nowIso();
        await createImportsRepository({ db: trx }).updateRun(runId, {
          status: "succeeded",
          phase: "done",
          rows_total: done.rows,
          rows_done: done.rows,
          counts: JSON.stringify(done.counts),
          created_ids: JSON.stringify(done.ids),
          updated_at: finishedAt,
          finished_at: finishedAt,
        });
        await writeAudit(trx, actor, [
          {
            action: "import",
            recordType: "import_run",
            recordId: runId,
            mandateId,
            fields: Object.keys(done.counts),
          },
        ]);
        if (source.uploadId) await createImportsRepository({ db: trx }).deleteUpload(source.uploadId);
      },
    });
    if (outcome.ok) {
      if (source.uploadId) uploads?.remove(source.uploadId);
    } else {
      if (source.uploadId) await repo.releaseUpload(source.uploadId);
      const at = nowIso();
      await repo.updateRun(runId, {
        status: "failed",
        phase: "done",
        rows_total: outcome.rows || source.rowCount,
        errors: JSON.stringify(outcome.errors),
        updated_at: at,
        finished_at: at,
      });
    }
    return outcome;
  } catch (e) {
    const error: RowError = {
      line: null,
      column: null,
      field: null,
      code:
        e instanceof Error && "code" in e && typeof e.code === "string" && e.code.includes(".")
          ? e.code
          : "internal",
    };
    const at = nowIso();
    await repo
      .updateRun(runId, {
        status: "failed",
        phase: "done",
        errors: JSON.stringify([error]),
        updated_at: at,
        finished_at: at,
      })
      .catch(() => {
        // The database went away (the server is closing): the run's row shows it as interrupted.
      });
    if (source.uploadId)
      await repo.releaseUpload(source.uploadId).catch(() => {
        // As above: the upload expires with its 24 hours.
      });
    throw e;
  } finally {
    liveImports.delete(runId);
  }
}

export async function createRun({
  db,
  actor,
  mandateId,
  type,
  source,
  mapping,
  mappingName,
}: {
  db: Db;
  actor: Actor;
  mandateId: string;
  type: ImportRecordType;
  source: RunSource;
  mapping: ColumnMapping;
  mappingName: string | null;
}) {
  const id = uuidv7();
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    const repo = createImportsRepository({ db: trx });
    if (source.uploadId && !(await repo.claimUpload(source.uploadId, id))) throw importAlreadyRunning();
    await repo.insertRun({
      id,
      mandate_id: mandateId,
      record_type: type,
      filename: source.filename,
      format: source.layout.format,
      encoding: source.layout.encoding,
      status: "running",
      phase: "reading",
      rows_total: source.rowCount,
      rows_done: 0,
      mapping: JSON.stringify({
        name: mappingName,
        columns: mapping.columns,
        eventKey: mapping.eventKey ?? null,
      }),
      counts: null,
      created_ids: null,
      errors: null,
      started_by: actor.userId,
      started_at: now,
      updated_at: now,
      finished_at: null,
    });
  });
  return id;
}
