import { v7 as uuidv7 } from "uuid";
import { isTextLocked } from "../../../shared/press-releases.js";
import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { forbidden } from "../../platform/errors/app-error.js";
import type { BlobStore } from "../../platform/storage/blob-store.js";
import { sniffImage } from "../../platform/storage/image-type.js";
import { presentImage } from "./press-release-images.presenters.js";
import { createPressReleaseImagesRepository } from "./press-release-images.repository.js";
import { corruptImage, notAnImage, pressReleaseNotFound, textLocked } from "./press-releases.errors.js";
import { createPressReleasesRepository } from "./press-releases.repository.js";
import { findReadablePressRelease } from "./press-releases.usecases.js";

/** A release the actor may change and whose text is still open: 404 unreadable, 403 not theirs to change, 409 fixed. */
async function openRelease(db: Tx, actor: Actor, id: string) {
  const { row, canUpdate } = await findReadablePressRelease(db, actor, id);
  if (!canUpdate) throw forbidden();
  if (isTextLocked(String(row.status))) throw textLocked(String(row.status));
  return row;
}

/**
 * Adds an image to a release whose text is still open (draft or review), for those who may change the release. What
 * the file is comes from its first bytes: PNG, JPEG, WebP or GIF, anything else is refused. The bytes are stored
 * (fsynced) before the row commits, with its audit row; the release's row is held meanwhile, so an image never
 * joins a release published in the same instant.
 * @example const image = await uploadPressReleaseImage({ db, blobs, actor, id, content, filename: "map.png" });
 */
export async function uploadPressReleaseImage({
  db,
  blobs,
  actor,
  id,
  content,
  filename,
}: {
  db: Db;
  blobs: BlobStore;
  actor: Actor;
  id: string;
  content: Buffer;
  /** As the writer had it; without one, the image is named by its id and type. */
  filename?: string | undefined;
}) {
  await openRelease(db, actor, id);
  const facts = sniffImage(content);
  if (!facts) throw notAnImage();
  const { sha256, size } = await blobs.put(content);
  return inTransaction(db, async (trx) => {
    // The row lock first, then the one check: a publication either waits for this image or is seen here.
    await createPressReleasesRepository({ db: trx }).lockRow(id);
    const release = await openRelease(trx, actor, id);
    const imageId = uuidv7();
    const row = {
      id: imageId,
      mandate_id: String(release.mandate_id),
      press_release_id: id,
      sha256,
      mime_type: facts.mimeType,
      size,
      width: facts.width,
      height: facts.height,
      filename: filename ?? `${imageId}.${facts.mimeType.slice("image/".length)}`,
      created_by: actor.userId,
      created_at: nowIso(),
    };
    await createPressReleaseImagesRepository({ db: trx }).insert(row);
    await writeAudit(trx, actor, [
      {
        action: "press_release.image_add",
        recordType: "press_release",
        recordId: id,
        mandateId: row.mandate_id,
        fields: ["images"],
      },
    ]);
    return presentImage(row);
  });
}

/** The images of a release the actor may read, oldest first. */
export async function listPressReleaseImages({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  await findReadablePressRelease(db, actor, id);
  return (await createPressReleaseImagesRepository({ db }).listOf(id)).map(presentImage);
}

/**
 * An image's bytes, for those who may read its release, in any state (the staff preview); an unreadable release, a
 * missing one and a missing image give the same 404, and bytes that no longer match their checksum are never served.
 */
export async function readPressReleaseImage({
  db,
  blobs,
  actor,
  id,
  imageId,
}: {
  db: Db;
  blobs: BlobStore;
  actor: Actor;
  id: string;
  imageId: string;
}) {
  await findReadablePressRelease(db, actor, id);
  const row = await createPressReleaseImagesRepository({ db }).find(id, imageId);
  if (!row) throw pressReleaseNotFound();
  return { image: presentImage(row), content: await blobs.readOr(row.sha256, corruptImage) };
}
