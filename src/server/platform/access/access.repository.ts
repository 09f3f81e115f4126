import { type Expression, type SqlBool, sql } from "kysely";
import type { AnyDb, AnyEb } from "../db/any-db.js";
import { type AccessFacts, type Actor, readableLevelsByMandate } from "./access.policies.js";

/**
 * A WHERE condition that keeps only the rows of `table` the actor may read, so lists, counts and searches
 * can never return what the caller may not see.
 * @example db.selectFrom("persons").where((eb) => readableBy(eb, actor, "persons"))
 */
export function readableBy(eb: AnyEb, actor: Actor, table: string, options: { builtIn?: boolean } = {}) {
  const ors: Expression<SqlBool>[] = [];
  for (const [mandateId, levels] of readableLevelsByMandate(actor)) {
    ors.push(
      eb.and([
        eb(`${table}.mandate_id`, "=", mandateId),
        eb(`${table}.restricted`, "=", 0),
        eb(`${table}.confidentiality`, "in", levels),
      ]),
    );
  }
  const member = [...actor.memberships.keys()];
  if (member.length) {
    ors.push(
      eb.and([
        eb(`${table}.restricted`, "=", 1),
        eb(`${table}.mandate_id`, "in", member),
        eb.exists(
          eb
            .selectFrom("record_access")
            .select("record_access.record_id")
            .whereRef("record_access.record_id", "=", `${table}.id`)
            .where("record_access.user_id", "=", actor.userId),
        ),
      ]),
    );
  }
  if (options.builtIn) ors.push(eb(`${table}.built_in`, "=", 1));
  return ors.length ? eb.or(ors) : sql<SqlBool>`1 = 0`;
}

/** Loads the access facts of a set of records of one table, keyed by id; ids that do not exist are absent. */
export async function loadAccessFacts(
  db: AnyDb,
  actor: Actor,
  table: string,
  ids: readonly string[],
  options: { builtIn?: boolean } = {},
): Promise<Map<string, AccessFacts>> {
  const out = new Map<string, AccessFacts>();
  if (!ids.length) return out;
  const unique = [...new Set(ids)];
  const rows = await db
    .selectFrom(table)
    .select([
      "id",
      "mandate_id",
      "confidentiality",
      "restricted",
      ...(options.builtIn ? ["built_in"] : []),
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("record_access")
              .select("record_access.record_id")
              .whereRef("record_access.record_id", "=", `${table}.id`)
              .where("record_access.user_id", "=", actor.userId),
          )
          .as("listed"),
    ])
    .where("id", "in", unique)
    .execute();
  for (const r of rows) {
    out.set(r.id, {
      mandateId: r.mandate_id,
      confidentiality: r.confidentiality,
      restricted: Number(r.restricted) === 1,
      actorListed: r.listed === true || Number(r.listed) === 1,
      builtIn: Number(r.built_in ?? 0) === 1,
    });
  }
  return out;
}

/** The users on each record's restricted-to list. */
export async function loadRestrictions(db: AnyDb, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom("record_access")
    .select(["record_id", "user_id"])
    .where("record_id", "in", [...new Set(ids)])
    .orderBy("user_id")
    .execute();
  for (const r of rows) out.set(r.record_id, [...(out.get(r.record_id) ?? []), r.user_id]);
  return out;
}

/** Replaces a record's restricted-to list. */
export async function replaceRestrictions(
  db: AnyDb,
  recordType: string,
  recordId: string,
  userIds: string[],
) {
  await db.deleteFrom("record_access").where("record_id", "=", recordId).execute();
  if (userIds.length) {
    await db
      .insertInto("record_access")
      .values(
        [...new Set(userIds)].map((user_id) => ({ record_id: recordId, user_id, record_type: recordType })),
      )
      .execute();
  }
}
