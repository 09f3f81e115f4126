/**
 * The access matrix, generated: every record type × every kind of caller × every confidentiality level × every
 * restriction. Expectations come from a small oracle written here from the rules of the issue, never from the
 * policy table the code uses, so a change to that table that breaks a rule fails here.
 */
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordSpecs } from "../../src/server/modules/record-specs.js";
import type { ApiClient, ApiResponse } from "../support/api-client.js";
import { build, createVia } from "../support/factories.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

type Caller = "mandate_holder" | "officer" | "analyst" | "readonly" | "admin" | "outsider";
type Level = "public" | "internal" | "confidential" | "strictly_confidential";
type Restriction = "none" | "holder" | "analyst";
type Body = Record<string, unknown>;

const callers: Caller[] = ["mandate_holder", "officer", "analyst", "readonly", "admin", "outsider"];
const levels: Level[] = ["public", "internal", "confidential", "strictly_confidential"];
const restrictions: Restriction[] = ["none", "holder", "analyst"];

/** Every identifying value stored in this test carries this marker, so a leak anywhere is one `includes` away. */
const secretMarker = "zq-identifying-";

// ---------------------------------------------------------------------------------------------------------------
// The oracle: the rules of the issue, restated.
// ---------------------------------------------------------------------------------------------------------------

interface Expectation {
  read: boolean;
  write: boolean;
  /** Who is on the restricted-to list (the creator, the holder, is always added); null when unrestricted. */
  listed: Caller[] | null;
  abilities: Record<string, boolean>;
  audited: boolean;
}

function oracle(caller: Caller, level: Level, restriction: Restriction): Expectation {
  const member =
    caller === "mandate_holder" || caller === "officer" || caller === "analyst" || caller === "readonly";
  const senior = caller === "mandate_holder" || caller === "officer";
  const listed: Caller[] | null =
    restriction === "none"
      ? null
      : restriction === "holder"
        ? ["mandate_holder"]
        : ["mandate_holder", "analyst"];
  // A restricted-to list overrides role; otherwise analysts and readonly see up to confidential, seniors everything.
  // Admins without membership and members of other mandates see nothing.
  const read = member && (listed ? listed.includes(caller) : senior || level !== "strictly_confidential");
  // Readonly never writes; analysts write up to confidential, wherever they read; seniors write what they read.
  const write = read && (senior || (caller === "analyst" && level !== "strictly_confidential"));
  return {
    read,
    write,
    listed,
    abilities: {
      read,
      update: write,
      export: read && caller !== "readonly",
      readIdentity: read && senior,
      updateIdentity: read && senior && write,
      restrict: write && senior,
      viewAudit: read && caller === "mandate_holder",
    },
    audited: read && (level === "confidential" || level === "strictly_confidential"),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Names of the generated tests: what the user does, in words.
// ---------------------------------------------------------------------------------------------------------------

const callerWords: Record<Caller, string> = {
  mandate_holder: "the mandate holder",
  officer: "an officer",
  analyst: "an analyst",
  readonly: "a readonly member",
  admin: "an instance admin without membership",
  outsider: "an officer of another mandate",
};
const levelWords: Record<Level, string> = {
  public: "a public",
  internal: "an internal",
  confidential: "a confidential",
  strictly_confidential: "a strictly confidential",
};
const restrictionWords: Record<Restriction, string> = {
  none: "",
  holder: " restricted to the holder",
  analyst: " restricted to the analyst",
};
const recordWords = (type: string, level: Level, restriction: Restriction) =>
  `${levelWords[level]} ${type.replaceAll("_", " ")}${restrictionWords[restriction]}`;

// ---------------------------------------------------------------------------------------------------------------
// How to make one record of each type, and a harmless change to it.
// ---------------------------------------------------------------------------------------------------------------

interface Parents {
  personA: string;
  personB: string;
  event: string;
  act: string;
  source: string;
  aCase: string;
  letter: string;
  request: string;
  visit: string;
  recommendation: string;
}

interface Recipe {
  body?: (m: string, p: Parents, o: Body) => Body;
  /** A harmless change; it names the caller, so every allowed change really writes. */
  patch: (by: string) => Body;
}

const recipes: Record<string, Recipe> = {
  persons: { body: (m, _p, o) => build.person(m, o), patch: (by) => ({ notes: `Checked by ${by}.` }) },
  relations: {
    body: (m, p, o) => build.relation(m, p.personA, p.personB, o),
    patch: (by) => ({ note: `Confirmed by ${by}.` }),
  },
  places: { body: (m, _p, o) => build.place(m, o), patch: (by) => ({ nameKo: `수용소 ${by}` }) },
  sources: { body: (m, _p, o) => build.source(m, o), patch: (by) => ({ interviewer: by }) },
  events: {
    body: (m, _p, o) => build.event(m, o),
    patch: (by) => ({ description: `Corroborated by ${by}.` }),
  },
  acts: {
    body: (m, p, o) => build.act(m, p.event, o),
    patch: (by) => ({ consequences: `Lasting injury (${by}).` }),
  },
  involvements: {
    body: (m, p, o) => build.involvement(m, p.act, o),
    patch: (by) => ({ note: `Unit identified by ${by}.` }),
  },
  "information-links": {
    body: (m, p, o) => build.informationLink(m, p.source, "event", p.event, o),
    patch: (by) => ({ note: `Direct witness (${by}).` }),
  },
  cases: {
    body: (m, _p, o) => build.case(m, o),
    patch: (by) => ({ nextAction: `Call the embassy (${by}).` }),
  },
  "case-status-changes": {
    body: (m, p, o) => ({ mandateId: m, caseId: p.aCase, status: "detained", statusOn: "2017-03-02", ...o }),
    patch: (by) => ({ note: `Confirmed by ${by}.` }),
  },
  "case-links": {
    body: (m, p, o) => ({ mandateId: m, caseId: p.aCase, targetType: "person", targetId: p.personA, ...o }),
    patch: (by) => ({ note: `Victim (${by}).` }),
  },
  communications: {
    body: (m, _p, o) => build.communication(m, o),
    patch: (by) => ({ publicSummary: `Summary checked by ${by}.` }),
  },
  "communication-links": {
    body: (m, p, o) => ({
      mandateId: m,
      communicationId: p.letter,
      targetType: "act",
      targetId: p.act,
      ...o,
    }),
    patch: (by) => ({ note: `Alleged violation (${by}).` }),
  },
  "communication-replies": {
    body: (m, p, o) => ({ mandateId: m, communicationId: p.letter, receivedOn: "2017-09-01", ...o }),
    patch: (by) => ({ summary: `Reply read by ${by}.` }),
  },
  "visit-requests": {
    body: (m, _p, o) => build.visitRequest(m, o),
    patch: (by) => ({ notes: `Raised again by ${by}.` }),
  },
  "visit-request-entries": {
    body: (m, p, o) => ({
      mandateId: m,
      visitRequestId: p.request,
      entryKind: "reminder",
      entryOn: "2017-01-10",
      ...o,
    }),
    patch: (by) => ({ note: `Note verbale (${by}).` }),
  },
  visits: { body: (m, _p, o) => build.visit(m, o), patch: (by) => ({ endStatement: `Statement by ${by}.` }) },
  meetings: {
    body: (m, p, o) => ({
      mandateId: m,
      visitId: p.visit,
      meetingOn: "2017-07-18",
      counterpartCategory: "government",
      ...o,
    }),
    patch: (by) => ({ notes: `Minutes by ${by}.` }),
  },
  recommendations: {
    body: (m, _p, o) => build.recommendation(m, o),
    patch: (by) => ({ theme: `Theme set by ${by}` }),
  },
  "recommendation-follow-ups": {
    body: (m, p, o) => ({
      mandateId: m,
      recommendationId: p.recommendation,
      status: "not_implemented",
      assessedOn: "2020-01-15",
      ...o,
    }),
    patch: (by) => ({ evidence: `Checked by ${by}.` }),
  },
  reports: {
    body: (m, _p, o) => build.report(m, o),
    patch: (by) => ({ session: `Seventy-second session (${by})` }),
  },
  "press-releases": {
    body: (m, _p, o) => build.pressRelease(m, o),
    patch: (by) => ({ summaryEn: `Summary checked by ${by}.` }),
  },
  // Attachments are uploaded as a raw body; their restriction is set afterwards.
  attachments: { patch: (by) => ({ filename: `${by}.txt` }) },
};

const specs = recordSpecs.all.map((spec) => ({ type: spec.type, plural: spec.plural }));

interface Subject {
  id: string;
  level: Level;
  restriction: Restriction;
}

const keyOf = (plural: string, level: Level, restriction: Restriction) => `${plural}|${level}|${restriction}`;

// ---------------------------------------------------------------------------------------------------------------

describe.each(dialects)("the access matrix on %s", (dialect) => {
  let world: World;
  const subjects = new Map<string, Subject>();
  /** Identifying values stored for each person under test. */
  const identities = new Map<string, Body>();

  /** How many audit rows the caller has left on the record, per action. */
  const auditRows = async (caller: Caller, recordId: string) => {
    const rows = await world.deps.db
      .selectFrom("audit_log")
      .select((eb) => ["action", eb.fn.countAll().as("n")])
      .where("actor_id", "=", world.users[caller])
      .where("record_id", "=", recordId)
      .groupBy("action")
      .execute();
    const counts = new Map(rows.map((r) => [r.action, Number(r.n)]));
    return (action: string) => counts.get(action) ?? 0;
  };

  /** Sends a request and checks the answer reveals no identifying data. */
  const leakFree = async <T = Body>(call: Promise<ApiResponse<T>>) => {
    const res = await call;
    expect(res.raw.body).not.toContain(secretMarker);
    return res;
  };

  async function create(
    holder: ApiClient,
    plural: string,
    parents: Parents,
    level: Level,
    restriction: Restriction,
  ) {
    const restrictedTo =
      restriction === "none"
        ? undefined
        : [world.users[restriction === "holder" ? "mandate_holder" : "analyst"]];
    const recipe = recipes[plural];
    if (!recipe) throw new Error(`no recipe for ${plural}: add one so the matrix covers it`);
    if (recipe.body) {
      const body = recipe.body(world.mandateId, parents, {
        confidentiality: level,
        ...(restrictedTo ? { restrictedTo } : {}),
      });
      return (await createVia(holder, plural, body)).id;
    }
    const url = `/api/v1/attachments?mandateId=${world.mandateId}&filename=a.txt&confidentiality=${level}`;
    const up = await holder.request<{ id: string }>("POST", url, `statement ${level} ${restriction}`, {
      "content-type": "text/plain",
    });
    if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${JSON.stringify(up.body)}`);
    if (restrictedTo) {
      const res = await holder.patch(`/api/v1/attachments/${up.body.id}`, { restrictedTo });
      if (res.status !== 200)
        throw new Error(`restricting failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return up.body.id;
  }

  beforeAll(async () => {
    world = await createWorld(dialect);
    const holder = await world.as("mandate_holder");
    await Promise.all(callers.map((c) => world.as(c)));
    const m = world.mandateId;
    const pub = { confidentiality: "public" };
    const personA = (await createVia(holder, "persons", build.person(m, pub))).id;
    const personB = (await createVia(holder, "persons", build.person(m, pub))).id;
    const event = (await createVia(holder, "events", build.event(m, pub))).id;
    const act = (await createVia(holder, "acts", build.act(m, event, pub))).id;
    const source = (await createVia(holder, "sources", build.source(m, pub))).id;
    const aCase = (await createVia(holder, "cases", build.case(m, pub))).id;
    const letter = (await createVia(holder, "communications", build.communication(m, pub))).id;
    for (const action of ["submit", "approve", "send"])
      expect((await holder.post(`/api/v1/communications/${letter}/transitions`, { action })).status).toBe(
        200,
      );
    const request = (await createVia(holder, "visit-requests", build.visitRequest(m, pub))).id;
    const visit = (await createVia(holder, "visits", build.visit(m, pub))).id;
    const recommendation = (await createVia(holder, "recommendations", build.recommendation(m, pub))).id;
    const parents = { personA, personB, event, act, source, aCase, letter, request, visit, recommendation };
    for (const { plural } of specs)
      for (const level of levels)
        for (const restriction of restrictions) {
          const id = await create(holder, plural, parents, level, restriction);
          subjects.set(keyOf(plural, level, restriction), { id, level, restriction });
          if (plural === "persons") {
            const identity = {
              legalName: `${secretMarker}name-${id}`,
              aliases: [`${secretMarker}alias-${id}`],
              contacts: [{ kind: "phone", value: `${secretMarker}phone-${id}` }],
              address: `${secretMarker}address-${id}`,
              idNumbers: [{ kind: "national", number: `${secretMarker}number-${id}` }],
            };
            const res = await holder.put(`/api/v1/persons/${id}/identity`, identity);
            if (res.status !== 200) throw new Error(`identity save failed: ${res.status}`);
            identities.set(id, identity);
          }
        }
  });
  afterAll(async () => world?.close());

  it("every record type of the model has a recipe here, so none escapes the matrix", () => {
    expect(specs.map((s) => s.plural).sort()).toEqual(Object.keys(recipes).sort());
  });

  const cases = specs.flatMap(({ type, plural }) =>
    levels.flatMap((level) =>
      restrictions.flatMap((restriction) =>
        callers.map((caller) => {
          const e = oracle(caller, level, restriction);
          const verb = e.write
            ? "reads, lists and changes"
            : e.read
              ? "reads and lists but cannot change"
              : "cannot see, list or change";
          const name = `${callerWords[caller]} ${verb} ${recordWords(type, level, restriction)}`;
          return { name, plural, level, restriction, caller, e };
        }),
      ),
    ),
  );

  for (const { name, plural, level, restriction, caller, e } of cases)
    it(name, async () => {
      const subject = subjects.get(keyOf(plural, level, restriction));
      if (!subject) throw new Error("subject not created");
      const { id } = subject;
      const client = await world.as(caller);
      const missingId = uuidv7();

      // One record.
      const auditedBefore = await auditRows(caller, id);
      const got = await leakFree(client.get(`/api/v1/${plural}/${id}`));
      if (e.read) {
        expect(got.status).toBe(200);
        expect(got.body).toMatchObject({ id, confidentiality: level, mandateId: world.mandateId });
        expect(got.body.abilities).toEqual(e.abilities);
        const listedIds = e.listed?.map((c) => world.users[c]).sort() ?? null;
        const restrictedTo = got.body.restrictedTo as string[] | null;
        expect(restrictedTo ? [...restrictedTo].sort() : null).toEqual(listedIds);
      } else {
        const missing = await client.get(`/api/v1/${plural}/${missingId}`);
        expect(missing.status).toBe(404);
        expect(got.status).toBe(404);
        expect(got.body).toEqual(missing.body);
      }

      // The list.
      const list = await leakFree(
        client.get<{ items: Body[] }>(`/api/v1/${plural}?mandateId=${world.mandateId}&limit=200`),
      );
      expect(list.status).toBe(200);
      const item = list.body.items.find((i) => i.id === id);
      expect(item !== undefined).toBe(e.read);
      if (item) expect(item.abilities).toEqual(e.abilities);

      // Each allowed read of confidential material left exactly one audit row: one for the record, one for the list.
      const auditedAfter = await auditRows(caller, id);
      expect(auditedAfter("read")).toBe(auditedBefore("read") + (e.audited ? 1 : 0));
      expect(auditedAfter("read.list")).toBe(auditedBefore("read.list") + (e.audited ? 1 : 0));

      // A harmless change, without a version.
      const patch = recipes[plural]?.patch(caller) ?? {};
      const changed = await leakFree(client.patch(`/api/v1/${plural}/${id}`, patch));
      if (e.write) {
        expect(changed.status).toBe(200);
        expect(changed.body).toMatchObject({ id, ...patch, updatedBy: world.users[caller] });
      } else if (e.read) {
        expect(changed.status).toBe(403);
        expect(changed.body).toMatchObject({ error: { code: "access.forbidden" } });
      } else {
        const missing = await client.patch(`/api/v1/${plural}/${missingId}`, patch);
        expect(missing.status).toBe(404);
        expect(changed.status).toBe(404);
        expect(changed.body).toEqual(missing.body);
      }

      // The bytes of an attachment follow the record.
      if (plural === "attachments") {
        const content = await client.get(`/api/v1/attachments/${id}/content`);
        if (e.read) {
          expect(content.status).toBe(200);
          expect(content.raw.body).toBe(`statement ${level} ${restriction}`);
        } else {
          const missing = await client.get(`/api/v1/attachments/${missingId}/content`);
          expect(content.status).toBe(404);
          expect(content.body).toEqual(missing.body);
        }
      }
    });

  const identityCases = levels.flatMap((level) =>
    restrictions.flatMap((restriction) =>
      callers.map((caller) => {
        const e = oracle(caller, level, restriction);
        const status = e.read ? (e.abilities.readIdentity ? 200 : 403) : 404;
        const what = recordWords("person", level, restriction);
        const name =
          status === 200
            ? `${callerWords[caller]} reveals the identity of ${what}`
            : status === 403
              ? `${callerWords[caller]} reads ${what} but may not reveal its identity`
              : `${callerWords[caller]} cannot reveal the identity of ${what}, nor learn that it exists`;
        return { name, level, restriction, caller, status };
      }),
    ),
  );

  for (const { name, level, restriction, caller, status } of identityCases)
    it(name, async () => {
      const subject = subjects.get(keyOf("persons", level, restriction));
      if (!subject) throw new Error("subject not created");
      const { id } = subject;
      const client = await world.as(caller);
      const auditedBefore = await auditRows(caller, id);
      const res = await client.get<{ identity: Body }>(`/api/v1/persons/${id}/identity`);
      expect(res.status).toBe(status);
      expect((await auditRows(caller, id))("identity.read")).toBe(
        auditedBefore("identity.read") + (status === 200 ? 1 : 0),
      );
      if (status === 200) {
        expect(res.body.identity).toEqual(identities.get(id));
      } else {
        expect(res.raw.body).not.toContain(secretMarker);
        if (status === 404) {
          const missing = await client.get(`/api/v1/persons/${uuidv7()}/identity`);
          expect(missing.status).toBe(404);
          expect(res.body).toEqual(missing.body);
        } else {
          expect(res.body).toMatchObject({ error: { code: "access.forbidden" } });
        }
      }
    });

  it("identifying data is not found by the quick search, not even by those who may reveal it", async () => {
    const holder = await world.as("mandate_holder");
    const [id] = identities.keys();
    const res = await leakFree(
      holder.get<{ items: Body[] }>(
        `/api/v1/persons?mandateId=${world.mandateId}&q=${secretMarker}name-${id}`,
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });
});
