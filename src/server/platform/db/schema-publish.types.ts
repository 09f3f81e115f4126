import type { RecordColumns } from "./schema.types.js";

/** A press release: one record in both languages (either may be missing), Markdown bodies, its lifecycle. */
export interface PressReleasesTable extends RecordColumns {
  slug: string;
  /** draft → review → scheduled → published */
  status: string;
  /** When a scheduled release goes out (ISO date-time, UTC). */
  publish_at: string | null;
  /** When it went out; set once, by the publishing step. */
  published_at: string | null;
  /** The dateline ("Geneva", "Seoul"). */
  location: string | null;
  title_en: string | null;
  title_ko: string | null;
  summary_en: string | null;
  summary_ko: string | null;
  body_en: string | null;
  body_ko: string | null;
}

/** Tables of publishing (migration 0009-publish). */
export interface PublishTables {
  press_releases: PressReleasesTable;
}
