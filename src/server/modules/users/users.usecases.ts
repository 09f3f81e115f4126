import { v7 as uuidv7 } from "uuid";
import { type Actor, canManageMembers } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { AppError, forbidden, invalidField } from "../../platform/errors/app-error.js";
import { createAuthRepository } from "../auth/auth.repository.js";
import { assertPasswordAllowed } from "../auth/password-rules.policies.js";
import { presentUser } from "./users.presenters.js";
import { createUsersRepository } from "./users.repository.js";

export const userNotFound = () => new AppError("users.not_found", 404);

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  isAdmin?: boolean | undefined;
  locale?: string | undefined;
}

/** Creates a local account (admins, or the CLI when actor is null). */
export async function createUser({ db, actor, input }: { db: Db; actor: Actor | null; input: NewUser }) {
  if (actor && !actor.isAdmin) throw forbidden();
  await assertPasswordAllowed(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const repo = createUsersRepository({ db: trx });
    const email = input.email.trim().toLowerCase();
    if (await repo.findByEmail(email)) throw invalidField("email", "field.taken");
    const now = nowIso();
    const id = uuidv7();
    await repo.insert({
      id,
      email,
      display_name: input.displayName,
      password_hash: passwordHash,
      is_admin: input.isAdmin ? 1 : 0,
      disabled: 0,
      locale: input.locale ?? "en",
      failed_logins: 0,
      locked_until: null,
      last_failed_at: null,
      created_at: now,
      updated_at: now,
    });
    await writeAudit(trx, actor, [
      {
        action: "create",
        recordType: "user",
        recordId: id,
        mandateId: null,
        fields: ["email", "displayName", "isAdmin"],
      },
    ]);
    return presentUser(
      (await repo.findById(id)) as NonNullable<Awaited<ReturnType<typeof repo.findById>>>,
      [],
    );
  });
}

/**
 * Users the actor manages: everyone for admins, members of the mandates they hold for holders. With `email`, the one
 * account of that exact address (or none): a holder finds someone outside their mandates to give them a role.
 */
export async function listUsers({
  db,
  actor,
  email,
}: {
  db: Db;
  actor: Actor | null;
  email?: string | undefined;
}) {
  const repo = createUsersRepository({ db });
  const held = actor ? [...actor.memberships.keys()].filter((m) => canManageMembers(actor, m)) : [];
  if (actor && !actor.isAdmin && !held.length) throw forbidden();
  const users =
    email !== undefined
      ? [await repo.findByEmail(email)].filter((u) => u !== undefined)
      : !actor || actor.isAdmin
        ? await repo.listAll()
        : await repo.listInMandates(held);
  const memberships = await repo.membershipsOf(users.map((u) => u.id));
  const visible = (m: { mandate_id: string }) =>
    !actor || actor.isAdmin || actor.memberships.has(m.mandate_id);
  return users.map((u) =>
    presentUser(
      u,
      memberships.filter((m) => m.user_id === u.id && visible(m)),
    ),
  );
}

export interface UserChange {
  displayName?: string | undefined;
  locale?: string | undefined;
  password?: string | undefined;
  disabled?: boolean | undefined;
  isAdmin?: boolean | undefined;
}

/** Changes an account. Users change their own name, language and password; admins change anything. Disabling ends every session. */
export async function updateUser({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor | null;
  id: string;
  input: UserChange;
}) {
  const self = actor?.userId === id;
  const adminOnly = input.disabled !== undefined || input.isAdmin !== undefined;
  if (actor && !actor.isAdmin && (!self || adminOnly)) throw self ? forbidden() : userNotFound();
  let passwordHash: string | undefined;
  if (input.password) {
    const owner = await createUsersRepository({ db }).findById(id);
    if (!owner) throw userNotFound();
    await assertPasswordAllowed(input.password, owner.email);
    passwordHash = await hashPassword(input.password);
  }
  return inTransaction(db, async (trx) => {
    const repo = createUsersRepository({ db: trx });
    if (!(await repo.findById(id))) throw userNotFound();
    await repo.update(id, {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(passwordHash ? { password_hash: passwordHash, failed_logins: 0, locked_until: null } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}),
      ...(input.isAdmin !== undefined ? { is_admin: input.isAdmin ? 1 : 0 } : {}),
      updated_at: nowIso(),
    });
    if (input.disabled || input.password) await createAuthRepository({ db: trx }).deleteSessionsOf(id);
    await writeAudit(trx, actor, [
      { action: "update", recordType: "user", recordId: id, mandateId: null, fields: Object.keys(input) },
    ]);
    const user = (await repo.findById(id)) as NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
    return presentUser(user, await repo.membershipsOf([id]));
  });
}
