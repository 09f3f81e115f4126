import type { Actor } from "../../platform/access/access.policies.js";
import type { Db } from "../../platform/db/database.js";
import { AppError, invalidField } from "../../platform/errors/app-error.js";
import { createRecord, getRecord } from "../../platform/records/records.usecases.js";
import type { BlobStore } from "../../platform/storage/blob-store.js";
import { contentMatchesType } from "../../platform/storage/file-type.js";
import { sourceSpec } from "../sources/sources.schemas.js";
import { allowedMimeTypes, attachmentSpec } from "./attachments.schemas.js";

/**
 * Stores an uploaded file by its SHA-256 and records it; the bytes are written (and fsynced) before the record commits,
 * so a record never points at a missing file.
 */
export async function uploadAttachment({
  db,
  blobs,
  actor,
  content,
  mimeType,
  meta,
}: {
  db: Db;
  blobs: BlobStore;
  actor: Actor;
  content: Buffer;
  mimeType: string;
  meta: {
    mandateId: string;
    filename: string;
    sourceId?: string | undefined;
    confidentiality?: string | undefined;
  };
}) {
  const mime = mimeType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!(allowedMimeTypes as readonly string[]).includes(mime))
    throw invalidField("mimeType", "field.invalid_value", { options: allowedMimeTypes.join(", ") });
  // The bytes must be what the type says: a page or a program declared as a photo is refused, not stored.
  if (!contentMatchesType(mime, content))
    throw invalidField("file", mime.startsWith("text/") ? "field.not_text" : "field.content_mismatch", {
      mime,
    });
  if (!actor.memberships.has(meta.mandateId)) throw invalidField("mandateId", "field.unknown_reference");
  // A file attached to a restricted source is restricted to the same people: it is part of the testimony.
  const source = meta.sourceId
    ? await getRecord({ db, actor, spec: sourceSpec, id: meta.sourceId }).catch(() => {
        throw invalidField("sourceId", "field.unknown_reference");
      })
    : null;
  const restrictedTo = Array.isArray(source?.restrictedTo)
    ? { restrictedTo: source.restrictedTo as string[] }
    : {};
  const { sha256, size } = await blobs.put(content);
  return createRecord({
    db,
    actor,
    spec: attachmentSpec,
    input: { ...meta, ...restrictedTo, sha256, size, mimeType: mime },
  });
}

/** The bytes of an attachment the actor may read (the read is audited); a checksum mismatch is refused, never served. */
export async function downloadAttachment({
  db,
  blobs,
  actor,
  id,
}: {
  db: Db;
  blobs: BlobStore;
  actor: Actor;
  id: string;
}) {
  const record = await getRecord({ db, actor, spec: attachmentSpec, id });
  const content = await blobs.readOr(String(record.sha256), () => new AppError("attachments.corrupt", 500));
  return { record, content };
}
