import type { Selectable } from "kysely";
import type { PressReleaseImagesTable } from "../../platform/db/schema-publish.types.js";

/** Where staff read a release's image, in any state of the release (the editor's preview shows it from there). */
const staffImageUrl = (pressReleaseId: string, imageId: string) =>
  `/api/v1/press-releases/${encodeURIComponent(pressReleaseId)}/images/${encodeURIComponent(imageId)}`;

/**
 * What a writer puts in a body to show the image; the alternative text goes between the brackets.
 * @example imageMarkdown("0193…") // "![](image:0193…)"
 */
export const imageMarkdown = (id: string) => `![](image:${id})`;

/** An image of a press release, as staff see it. */
export const presentImage = (row: Selectable<PressReleaseImagesTable>) => ({
  id: row.id,
  pressReleaseId: row.press_release_id,
  markdown: imageMarkdown(row.id),
  url: staffImageUrl(row.press_release_id, row.id),
  filename: row.filename,
  mimeType: row.mime_type,
  size: Number(row.size),
  width: row.width === null ? null : Number(row.width),
  height: row.height === null ? null : Number(row.height),
  sha256: row.sha256,
  createdAt: row.created_at,
});
