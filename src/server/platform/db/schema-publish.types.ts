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

/** An image of a press release (migration 0011): its bytes are in the blob store under `sha256`. */
export interface PressReleaseImagesTable {
  id: string;
  mandate_id: string;
  press_release_id: string;
  sha256: string;
  /** Decided from the file's first bytes: image/png, image/jpeg, image/webp or image/gif. */
  mime_type: string;
  size: number;
  /** In pixels, when the file's header says. */
  width: number | null;
  height: number | null;
  /** As uploaded; staff see it, the public never does. */
  filename: string;
  created_by: string | null;
  created_at: string;
}

/** Tables of publishing (migrations 0009-publish, 0011-press-release-images). */
export interface PublishTables {
  press_releases: PressReleasesTable;
  press_release_images: PressReleaseImagesTable;
}
