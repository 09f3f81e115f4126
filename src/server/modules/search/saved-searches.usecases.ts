import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../platform/access/access.policies.js";
import type { Tx } from "../../platform/db/any-db.js";
import { nowIso } from "../../platform/db/time.js";
import { defineError, invalidField } from "../../platform/errors/app-error.js";
import { createSavedSearchesRepository } from "./saved-searches.repository.js";

export const savedSearchNotFound = defineError("saved-searches.not_found", 404);

const present = (r: { id: string; mandate_id: string; name: string; query: string; created_at: string }) => ({
  id: r.id,
  mandateId: r.mandate_id,
  name: r.name,
  query: r.query,
  createdAt: r.created_at,
});

const memberOf = (actor: Actor, mandateId: string) => {
  if (!actor.memberships.has(mandateId)) throw invalidField("mandateId", "field.unknown_reference");
};

/** The caller's own saved searches in a mandate. */
export async function listSavedSearches(db: Tx, actor: Actor, mandateId: string) {
  memberOf(actor, mandateId);
  return (await createSavedSearchesRepository({ db }).list(actor.userId, mandateId)).map(present);
}

/** Keeps a search (its query string) under a name, for the caller only. */
export async function saveSearch(
  db: Tx,
  actor: Actor,
  input: { mandateId: string; name: string; query: string },
) {
  memberOf(actor, input.mandateId);
  const row = {
    id: uuidv7(),
    mandate_id: input.mandateId,
    user_id: actor.userId,
    name: input.name,
    query: input.query.replace(/^\?/, ""),
    created_at: nowIso(),
  };
  await createSavedSearchesRepository({ db }).insert(row);
  return present(row);
}

export async function deleteSavedSearch(db: Tx, actor: Actor, id: string) {
  if (!(await createSavedSearchesRepository({ db }).remove(actor.userId, id))) throw savedSearchNotFound();
}
