import { type Actor, abilitiesOn } from "../../platform/access/access.policies.js";
import { loadAccessFacts } from "../../platform/access/access.repository.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import { open, seal } from "../../platform/crypto/envelope.js";
import type { MasterKey } from "../../platform/crypto/master-key.js";
import { untyped } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { AppError, forbidden } from "../../platform/errors/app-error.js";
import type { Identity } from "./person-identities.schemas.js";
import { createPersonsRepository } from "./persons.repository.js";

const personNotFound = () => new AppError("persons.not_found", 404);

async function personFacts(db: Parameters<typeof untyped>[0], actor: Actor, personId: string) {
  const facts = (await loadAccessFacts(untyped(db), actor, "persons", [personId])).get(personId);
  if (!facts) throw personNotFound();
  const abilities = abilitiesOn(actor, facts);
  if (!abilities.read) throw personNotFound();
  return { facts, abilities };
}

/**
 * Reveals a person's identifying data to a caller with need-to-know; the reveal is audited in the same transaction.
 * @example const { identity } = await revealIdentity({ db, masterKey, actor, personId });
 */
export async function revealIdentity({
  db,
  masterKey,
  actor,
  personId,
}: {
  db: Db;
  masterKey: MasterKey;
  actor: Actor;
  personId: string;
}) {
  return inTransaction(db, async (trx) => {
    const { facts, abilities } = await personFacts(trx, actor, personId);
    if (!abilities.readIdentity) throw forbidden();
    const row = await createPersonsRepository({ db: trx }).findIdentity(personId);
    await writeAudit(trx, actor, [
      { action: "identity.read", recordType: "person", recordId: personId, mandateId: facts.mandateId },
    ]);
    if (!row) return { personId, identity: {}, updatedAt: null, updatedBy: null };
    let identity: Identity;
    try {
      identity = open<Identity>(masterKey, personId, {
        keyId: row.key_id,
        wrappedKey: row.wrapped_key,
        ciphertext: row.ciphertext,
      });
    } catch {
      // Wrong master key, or sealed data moved or altered: never guess, never show another person's data.
      throw new AppError("persons.identity_unreadable", 500);
    }
    return { personId, identity, updatedAt: row.updated_at, updatedBy: row.updated_by };
  });
}

/** Replaces a person's identifying data, sealed under a fresh data key; the audit row names the fields, never their values. */
export async function saveIdentity({
  db,
  masterKey,
  actor,
  personId,
  identity,
}: {
  db: Db;
  masterKey: MasterKey;
  actor: Actor;
  personId: string;
  identity: Identity;
}) {
  await inTransaction(db, async (trx) => {
    const { facts, abilities } = await personFacts(trx, actor, personId);
    if (!abilities.updateIdentity) throw forbidden();
    const sealed = seal(masterKey, personId, identity);
    await createPersonsRepository({ db: trx }).saveIdentity({
      person_id: personId,
      mandate_id: String(facts.mandateId),
      key_id: sealed.keyId,
      wrapped_key: sealed.wrappedKey,
      ciphertext: sealed.ciphertext,
      updated_by: actor.userId,
      updated_at: nowIso(),
    });
    const fields = Object.entries(identity)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => `identity.${k}`);
    await writeAudit(trx, actor, [
      {
        action: "identity.update",
        recordType: "person",
        recordId: personId,
        mandateId: facts.mandateId,
        fields,
      },
    ]);
  });
  return revealIdentity({ db, masterKey, actor, personId });
}
