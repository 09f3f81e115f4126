import type { Actor } from "../../platform/access/access.policies.js";
import type { Db } from "../../platform/db/database.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { AppError } from "../../platform/errors/app-error.js";
import type { BlobStore } from "../../platform/storage/blob-store.js";
import { presentPublicCommunication, presentStatistics } from "./communications.presenters.js";
import { createCommunicationsRepository } from "./communications.repository.js";

/** The year's facts and figures over the sent communications the actor may read. */
export async function communicationStatistics({
  db,
  actor,
  mandateId,
  year,
}: {
  db: Db;
  actor: Actor;
  mandateId: string;
  year?: number | undefined;
}) {
  if (!actor.memberships.has(mandateId) && !actor.isAdmin) throw new AppError("mandates.not_found", 404);
  const repo = createCommunicationsRepository({ db });
  const years = await repo.sentYears(actor, mandateId);
  const y = year ?? years[0] ?? new Date().getUTCFullYear();
  return presentStatistics(y, years, await repo.sentInYear(actor, mandateId, y));
}

/** Published communications, past their embargo, as the public sees them. */
export async function publicCommunications({
  db,
  mandateId,
  limit,
}: {
  db: Db;
  mandateId?: string | undefined;
  limit: number;
}) {
  return inTransaction(db, async (trx) => {
    const repo = createCommunicationsRepository({ db: trx });
    const rows = await repo.published({ mandateId, limit });
    const replies = await repo.repliesOf(rows.map((r) => r.id));
    return {
      items: rows.map((r) =>
        presentPublicCommunication(
          r,
          replies.filter((x) => x.communication_id === r.id),
        ),
      ),
    };
  });
}

/** The document of a published communication's n-th reply (1-based), if it has one. */
export async function publicReplyDocument({
  db,
  blobs,
  reference,
  n,
}: {
  db: Db;
  blobs: BlobStore;
  reference: string;
  n: number;
}) {
  const repo = createCommunicationsRepository({ db });
  const [c] = await repo.published({ limit: 1, reference });
  const reply = c && Number.isSafeInteger(n) && n >= 1 ? (await repo.repliesOf([c.id]))[n - 1] : undefined;
  const file = reply?.attachment_id ? await repo.attachment(reply.attachment_id) : undefined;
  if (!file) throw new AppError("communications.not_found", 404);
  return { fileName: file.filename, mimeType: file.mime_type, content: await blobs.read(file.sha256) };
}
