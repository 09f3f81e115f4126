import type { Db } from "../../platform/db/database.js";
import type { BlobStore } from "../../platform/storage/blob-store.js";
import { corruptImage } from "../press-releases/press-releases.errors.js";
import { portalNotFound } from "./portal.errors.js";
import { createPortalRepository } from "./portal.repository.js";
import { etagMatches } from "./portal-cache.js";

/**
 * An image of a published, public press release of the portal's mandate, by its id: its type, its validator (the
 * SHA-256 of its bytes) and its bytes, or no bytes when the client has them already (`If-None-Match`). Anything else
 * is the portal's not found: an image of a draft, of a withdrawn or restricted release, of another mandate.
 * @example const { mimeType, etag, content } = await publicImage({ db, blobs, mandateId, id, ifNoneMatch });
 */
export async function publicImage({
  db,
  blobs,
  mandateId,
  id,
  ifNoneMatch,
}: {
  db: Db;
  blobs: BlobStore;
  mandateId: string;
  id: string;
  ifNoneMatch: string | undefined;
}) {
  const row = await createPortalRepository({ db }).image(mandateId, id);
  if (!row) throw portalNotFound();
  const etag = `"${row.sha256}"`;
  if (etagMatches(ifNoneMatch, etag)) return { mimeType: row.mime_type, etag, content: null };
  return { mimeType: row.mime_type, etag, content: await blobs.readOr(row.sha256, corruptImage) };
}
