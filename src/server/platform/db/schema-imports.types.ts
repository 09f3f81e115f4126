/** Tables of imports (migration 0007-imports). Times are ISO-8601 UTC text; JSON columns are text. */

export interface ImportUploadsTable {
  id: string;
  mandate_id: string;
  /** Only the user who uploaded a file previews, checks and commits it. */
  user_id: string;
  record_type: string;
  filename: string;
  /** csv | xlsx */
  format: string;
  /** The encoding the file is read in (detected, or chosen by the user); null for XLSX. */
  encoding: string | null;
  size: number;
  row_count: number;
  /** The run committing it: one at a time, so a double click never imports a file twice. */
  run_id: string | null;
  created_at: string;
  /** The file and this row are deleted after a commit, or once this time has passed. */
  expires_at: string;
}

export interface ImportMappingsTable {
  id: string;
  mandate_id: string;
  record_type: string;
  name: string;
  /** JSON array of { column, field }: a file's column header and the field it fills. */
  columns: string;
  /** Acts files: the column whose value groups rows into one event. */
  event_key: string | null;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

export type ImportRunStatus = "running" | "succeeded" | "failed";
export type ImportRunPhase = "reading" | "checking" | "writing" | "done";

export interface ImportRunsTable {
  id: string;
  mandate_id: string;
  record_type: string;
  filename: string;
  format: string;
  encoding: string | null;
  status: ImportRunStatus;
  phase: ImportRunPhase;
  rows_total: number;
  rows_done: number;
  /** JSON { name, columns, eventKey }: the mapping the run used. */
  mapping: string;
  /** JSON { plural: count } of the records written. */
  counts: string | null;
  /** JSON { plural: id[] } of the records written. */
  created_ids: string | null;
  /** JSON array of { line, column, field, code, params }: why the run wrote nothing. Never cell values. */
  errors: string | null;
  started_by: string;
  started_at: string;
  /** Moves with the progress: a running row that stops moving was interrupted. */
  updated_at: string;
  finished_at: string | null;
}

export interface ImportTables {
  import_uploads: ImportUploadsTable;
  import_mappings: ImportMappingsTable;
  import_runs: ImportRunsTable;
}
