import { v7 as uuidv7 } from "uuid";
import { type Actor, canManageMembers } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { AppError, forbidden, invalidField } from "../../platform/errors/app-error.js";
import { createUsersRepository } from "../users/users.repository.js";
import { createMandatesRepository } from "./mandates.repository.js";

export const mandateNotFound = () => new AppError("mandates.not_found", 404);

export interface MandateInput {
  code: string;
  nameEn: string;
  nameKo?: string | null | undefined;
  kind: string;
  country?: string | null | undefined;
  holder?: string | null | undefined;
  startDate?: string | null | undefined;
  /** The mandate's own words for the portal's about page (Markdown). */
  aboutEn?: string | null | undefined;
  aboutKo?: string | null | undefined;
}

/** A mandate the actor belongs to (or any, for admins); others answer not found. */
export async function getMandate({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const row = await createMandatesRepository({ db }).findById(id);
  if (!row || !(actor.isAdmin || actor.memberships.has(id))) throw mandateNotFound();
  return row;
}

/** Mandates the actor belongs to; admins see all. */
export async function listMandates({ db, actor }: { db: Db; actor: Actor }) {
  const repo = createMandatesRepository({ db });
  return actor.isAdmin ? repo.listAll() : repo.listByIds([...actor.memberships.keys()]);
}

/** Creates a mandate (admins, or the CLI when actor is null). */
export async function createMandate({
  db,
  actor,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor | null;
  input: MandateInput;
  isDemo?: boolean;
}) {
  if (actor && !actor.isAdmin) throw forbidden();
  return inTransaction(db, async (trx) => {
    const repo = createMandatesRepository({ db: trx });
    if (await repo.findByCode(input.code)) throw invalidField("code", "field.taken");
    const now = nowIso();
    const id = uuidv7();
    await repo.insert({
      id,
      code: input.code,
      name_en: input.nameEn,
      name_ko: input.nameKo ?? null,
      about_en: input.aboutEn ?? null,
      about_ko: input.aboutKo ?? null,
      kind: input.kind,
      country: input.country ?? null,
      holder: input.holder ?? null,
      start_date: input.startDate ?? null,
      is_demo: isDemo ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    await writeAudit(trx, actor, [
      { action: "create", recordType: "mandate", recordId: id, mandateId: id, fields: Object.keys(input) },
    ]);
    return (await repo.findById(id)) as NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
  });
}

/** Changes a mandate's description and its about text (admins and its holder). */
export async function updateMandate({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: Partial<MandateInput>;
}) {
  await getMandate({ db, actor, id });
  if (!canManageMembers(actor, id)) throw forbidden();
  return inTransaction(db, async (trx) => {
    const repo = createMandatesRepository({ db: trx });
    const values = {
      ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
      ...(input.nameKo !== undefined ? { name_ko: input.nameKo } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.country !== undefined ? { country: input.country } : {}),
      ...(input.holder !== undefined ? { holder: input.holder } : {}),
      ...(input.startDate !== undefined ? { start_date: input.startDate } : {}),
      ...(input.aboutEn !== undefined ? { about_en: input.aboutEn } : {}),
      ...(input.aboutKo !== undefined ? { about_ko: input.aboutKo } : {}),
      updated_at: nowIso(),
    };
    await repo.update(id, values);
    await writeAudit(trx, actor, [
      { action: "update", recordType: "mandate", recordId: id, mandateId: id, fields: Object.keys(input) },
    ]);
    return (await repo.findById(id)) as NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
  });
}

/** Gives a user a role in a mandate, or changes it (admins, the mandate's holder, or the CLI). */
export async function setMembership({
  db,
  actor,
  mandateId,
  userId,
  role,
}: {
  db: Db;
  actor: Actor | null;
  mandateId: string;
  userId: string;
  role: string;
}) {
  if (actor) {
    await getMandate({ db, actor, id: mandateId });
    if (!canManageMembers(actor, mandateId)) throw forbidden();
  }
  await inTransaction(db, async (trx) => {
    const user = await createUsersRepository({ db: trx }).findById(userId);
    if (!user) throw new AppError("users.not_found", 404);
    await createMandatesRepository({ db: trx }).setRole(userId, mandateId, role, nowIso());
    await writeAudit(trx, actor, [
      { action: "membership.set", recordType: "user", recordId: userId, mandateId, fields: [`role:${role}`] },
    ]);
  });
}

/** Removes a user from a mandate. */
export async function removeMembership({
  db,
  actor,
  mandateId,
  userId,
}: {
  db: Db;
  actor: Actor;
  mandateId: string;
  userId: string;
}) {
  await getMandate({ db, actor, id: mandateId });
  if (!canManageMembers(actor, mandateId)) throw forbidden();
  await inTransaction(db, async (trx) => {
    const res = await createMandatesRepository({ db: trx }).removeMember(userId, mandateId);
    if (Number(res.numDeletedRows) !== 1) throw new AppError("users.not_found", 404);
    await writeAudit(trx, actor, [
      { action: "membership.remove", recordType: "user", recordId: userId, mandateId },
    ]);
  });
}
