import type { RecordColumns } from "./schema.types.js";

/** A report; `body` is the JSON document of `src/shared/report-body.ts`. Days (`*_on`) are YYYY-MM-DD. */
export interface ReportsTable extends RecordColumns {
  kind: string;
  status: string;
  symbol: string | null;
  title: string;
  subtitle: string | null;
  session: string | null;
  agenda_item: string | null;
  due_on: string | null;
  issued_on: string | null;
  language: string;
  body: string;
  finalised_on: string | null;
  published_on: string | null;
}

/** A saved version of a report: its metadata and body as they were, statistics frozen in it. */
export interface ReportVersionsTable {
  id: string;
  report_id: string;
  number: number;
  /** manual | finalised | restored */
  kind: string;
  label: string | null;
  restored_from: number | null;
  status: string;
  snapshot: string;
  created_by: string | null;
  created_at: string;
}

/** The mandate holder's decision to publish despite one publication problem, with the reason. */
export interface ReportOverridesTable {
  id: string;
  report_id: string;
  problem_key: string;
  /** What the problem looked at when it was overridden: a change to it raises the problem again. */
  fingerprint: string;
  reason: string;
  created_by: string | null;
  created_at: string;
}

/** Tables of reports (migration 0005-reports). */
export interface ReportTables {
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  report_overrides: ReportOverridesTable;
}
