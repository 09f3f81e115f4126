import type { RecordColumns } from "./schema.types.js";

/** Tables of the mandate's action work (migration 0003-act). Dates named `*_on` are calendar days, YYYY-MM-DD. */

export interface CasesTable extends RecordColumns {
  title: string;
  case_kind: string;
  summary: string | null;
  priority: string;
  status: string;
  status_on: string | null;
  country: string | null;
  owner_id: string | null;
  next_action: string | null;
  next_action_on: string | null;
}

export interface CaseStatusChangesTable extends RecordColumns {
  case_id: string;
  status: string;
  status_on: string;
  source_id: string | null;
  note: string | null;
}

export interface LinkColumns extends RecordColumns {
  target_type: string;
  target_id: string;
  note: string | null;
}

export interface CaseLinksTable extends LinkColumns {
  case_id: string;
}

export interface CommunicationsTable extends RecordColumns {
  kind: string;
  status: string;
  subject: string;
  addressee_kind: string;
  addressee_country: string | null;
  addressee_name: string | null;
  joint_mandates: string;
  language: string;
  summary: string | null;
  public_summary: string | null;
  body: string | null;
  reference: string | null;
  reference_year: number | null;
  reference_number: number | null;
  sent_on: string | null;
  reply_due_on: string | null;
  publish_on: string | null;
  published_at: string | null;
  alleged_victims: number;
  reply_count: number;
}

export interface CommunicationLinksTable extends LinkColumns {
  communication_id: string;
}

export interface CommunicationRepliesTable extends RecordColumns {
  communication_id: string;
  received_on: string;
  summary: string | null;
  attachment_id: string | null;
}

export interface CommunicationSequencesTable {
  addressee_code: string;
  year: number;
  last_number: number;
}

export interface VisitRequestsTable extends RecordColumns {
  country: string;
  first_requested_on: string;
  status: string;
  status_on: string | null;
  reminder_count: number;
  last_reminder_on: string | null;
  notes: string | null;
}

export interface VisitRequestEntriesTable extends RecordColumns {
  visit_request_id: string;
  entry_kind: string;
  entry_on: string;
  status: string | null;
  note: string | null;
}

export interface VisitsTable extends RecordColumns {
  title: string;
  visit_kind: string;
  country: string;
  visit_request_id: string | null;
  start_on: string | null;
  end_on: string | null;
  status: string;
  places: string;
  end_statement: string | null;
  press_release_url: string | null;
  report_symbol: string | null;
}

export interface MeetingsTable extends RecordColumns {
  visit_id: string;
  meeting_on: string;
  counterpart_category: string;
  counterpart: string | null;
  participants: string;
  notes: string | null;
}

export interface ActTables {
  cases: CasesTable;
  case_status_changes: CaseStatusChangesTable;
  case_links: CaseLinksTable;
  communications: CommunicationsTable;
  communication_links: CommunicationLinksTable;
  communication_replies: CommunicationRepliesTable;
  communication_sequences: CommunicationSequencesTable;
  visit_requests: VisitRequestsTable;
  visit_request_entries: VisitRequestEntriesTable;
  visits: VisitsTable;
  meetings: MeetingsTable;
}
