import type { Generated } from "kysely";

/** Kysely table types. Timestamps are ISO-8601 UTC strings and booleans are 0/1 integers on both dialects. */

export interface RecordColumns {
  id: string;
  mandate_id: string;
  confidentiality: string;
  restricted: number;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

export interface MandatesTable {
  id: string;
  code: string;
  name_en: string;
  name_ko: string | null;
  kind: string;
  country: string | null;
  holder: string | null;
  start_date: string | null;
  is_demo: number;
  /** The mandate in its own words, for the portal's about page (Markdown). */
  about_en: string | null;
  about_ko: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  is_admin: number;
  disabled: number;
  locale: string;
  failed_logins: number;
  locked_until: string | null;
  last_failed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  user_id: string;
  mandate_id: string;
  role: string;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface RateLimitsTable {
  bucket: string;
  window_start: string;
  hits: number;
}

export interface RecordAccessTable {
  record_id: string;
  user_id: string;
  record_type: string;
}

export interface PersonsTable extends RecordColumns {
  kind: string;
  code: string;
  counting_unit: string | null;
  group_size: number | null;
  sex: string | null;
  birth_year: number | null;
  birth_year_approximate: number;
  nationality: string | null;
  ethnicity: string | null;
  occupation: string | null;
  notes: string | null;
}

export interface PersonIdentitiesTable {
  person_id: string;
  mandate_id: string;
  key_id: string;
  wrapped_key: string;
  ciphertext: string;
  updated_by: string | null;
  updated_at: string;
}

export interface RelationsTable extends RecordColumns {
  person_id: string;
  related_person_id: string;
  relation_type: string;
  separated_by_border: number;
  note: string | null;
}

export interface PlacesTable {
  id: string;
  mandate_id: string | null;
  parent_id: string | null;
  code: string | null;
  level: string;
  place_type: string;
  name_en: string;
  name_ko: string | null;
  name_zh: string | null;
  latitude: number | null;
  longitude: number | null;
  built_in: number;
  confidentiality: string;
  restricted: number;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

export interface SourcesTable extends RecordColumns {
  kind: string;
  title: string;
  source_date: string | null;
  source_date_precision: string | null;
  place_id: string | null;
  interviewer: string | null;
  languages: string;
  interpreter: string | null;
  consent_scope: string;
  reprisal_risk: string;
  reprisal_note: string | null;
  summary: string | null;
  transcript: string | null;
  interviewee_id: string | null;
  source_type: string | null;
}

export interface EventsTable extends RecordColumns {
  title: string;
  description: string | null;
  start_date: string | null;
  start_precision: string | null;
  end_date: string | null;
  end_precision: string | null;
  place_id: string | null;
  violation_status: string | null;
}

export interface ActsTable extends RecordColumns {
  event_id: string;
  victim_id: string | null;
  act_type: string;
  act_date: string | null;
  act_date_precision: string | null;
  place_id: string | null;
  consequences: string | null;
  victim_status_after: string | null;
  detention_type: string | null;
  whereabouts: string | null;
}

export interface InvolvementsTable extends RecordColumns {
  act_id: string;
  perpetrator_id: string | null;
  perpetrator_name: string | null;
  perpetrator_type: string | null;
  degree: string | null;
  note: string | null;
}

export interface InformationLinksTable extends RecordColumns {
  source_id: string;
  target_type: string;
  target_id: string;
  reliability: string | null;
  connection: string | null;
  note: string | null;
}

export interface AttachmentsTable extends RecordColumns {
  source_id: string | null;
  sha256: string;
  size: number;
  mime_type: string;
  filename: string;
}

export interface VocabListsTable {
  name: string;
  number: number;
  labels: string;
}

export interface VocabTermsTable {
  list_name: string;
  code: string;
  vocab_number: string;
  parent_code: string | null;
  level: number;
  sort_order: number;
  labels: string;
  retired: number;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  mandate_id: string | null;
  ip: string | null;
  user_agent: string | null;
  fields: string | null;
  /** Position in the audit chain; null until the sealer links the row. */
  chain_seq: number | null;
  /** HMAC over the row, its position and the previous link; null until sealed. */
  chain_hash: string | null;
}

export interface SearchDocumentsTable {
  doc_no: Generated<number>;
  id: string;
  record_type: string;
  mandate_id: string;
  confidentiality: string;
  restricted: number;
  title: string;
  doc_date: string | null;
  act_type: string | null;
  place_id: string | null;
  province_id: string | null;
  county_id: string | null;
  victim_sex: string | null;
  updated_at: string;
}

export interface SearchPerpetratorTypesTable {
  doc_no: number;
  perpetrator_type: string;
}

/** PostgreSQL only: a chunk of a document's terms as a tsvector (SQLite keeps them in an FTS5 table). */
export interface SearchChunksTable {
  doc_no: number;
  chunk_no: number;
  terms: string;
}

export interface SavedSearchesTable {
  id: string;
  mandate_id: string;
  user_id: string;
  name: string;
  query: string;
  created_at: string;
}

import type { ActTables } from "./schema-act.types.js";
import type { AuditChainTables } from "./schema-audit.types.js";
import type { AuthTables } from "./schema-auth.types.js";
import type { ImportTables } from "./schema-imports.types.js";
import type { JobTables } from "./schema-jobs.types.js";
import type { MailingTables } from "./schema-mailing.types.js";
import type { PublishTables } from "./schema-publish.types.js";
import type { RecommendationTables } from "./schema-recommendations.types.js";
import type { ReportTables } from "./schema-reports.types.js";

export interface Database
  extends ActTables,
    JobTables,
    ReportTables,
    RecommendationTables,
    ImportTables,
    PublishTables,
    MailingTables,
    AuthTables,
    AuditChainTables {
  mandates: MandatesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  rate_limits: RateLimitsTable;
  record_access: RecordAccessTable;
  persons: PersonsTable;
  person_identities: PersonIdentitiesTable;
  relations: RelationsTable;
  places: PlacesTable;
  sources: SourcesTable;
  events: EventsTable;
  acts: ActsTable;
  involvements: InvolvementsTable;
  information_links: InformationLinksTable;
  attachments: AttachmentsTable;
  vocab_lists: VocabListsTable;
  vocab_terms: VocabTermsTable;
  audit_log: AuditLogTable;
  search_documents: SearchDocumentsTable;
  search_perpetrator_types: SearchPerpetratorTypesTable;
  search_chunks: SearchChunksTable;
  saved_searches: SavedSearchesTable;
}
