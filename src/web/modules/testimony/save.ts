import { ApiError, api } from "../../api/client.js";
import type { ApiRecord } from "../../api/types.js";
import {
  actScope,
  eventScope,
  levelOf,
  perpetratorScope,
  restrictionOf,
  type TestimonyDraft,
  type Values,
} from "./draft.js";

/** An API refusal while saving, with the scope of the record being created when it happened. */
export class SaveError extends Error {
  constructor(
    readonly scope: string,
    readonly reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

const clean = (values: Values): Values => {
  const body: Values = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === "") continue;
    // An empty restricted-to list still restricts: to the author, whom the API always keeps on it.
    if (Array.isArray(v) && v.length === 0 && k !== "restrictedTo") continue;
    body[k] = v;
  }
  return body;
};

/**
 * Creates the records of a testimony in order: the person if new, the source, events, acts, involvements, then
 * the information links from the source. Records already created (their ids kept in the draft) are skipped, so a
 * retry after an error creates no duplicates; `persist` is called after each creation. Returns the source id.
 *
 * Each record gets the level chosen for it: acts and their perpetrators the level of their event, information
 * links the level and restriction of the source (what the interview tells is the witness's account). `defaults`
 * are the levels shown when none was chosen: the source's and the event's record type defaults.
 */
export async function saveTestimony(
  d: TestimonyDraft,
  mandateId: string,
  persist: (d: TestimonyDraft) => void,
  defaults: { source: string; event: string },
): Promise<string> {
  const create = async (scope: string, plural: string, values: Values): Promise<string> => {
    try {
      const r = await api.post<ApiRecord>(`/${plural}`, { mandateId, ...clean(values) });
      return r.id;
    } catch (e) {
      throw new SaveError(scope, e instanceof ApiError ? e : new Error(String(e)));
    }
  };
  /** Creates one record unless its id is already known, then keeps the id in the draft. */
  const once = async (known: string | undefined, make: () => Promise<string>, keep: (id: string) => void) => {
    if (known) return known;
    const id = await make();
    keep(id);
    persist(d);
    return id;
  };

  const person = d.person;
  if (person.mode === "new")
    await once(
      person.id,
      () => create("person", "persons", person.values),
      (id) => (person.id = id),
    );
  const intervieweeId = person.mode === "new" ? person.id : (person.existingId ?? undefined);
  const sourceId = await once(
    d.sourceId,
    () => create("source", "sources", { ...d.source, kind: "interview", intervieweeId }),
    (id) => (d.sourceId = id),
  );

  for (const [e, ev] of d.events.entries())
    await once(
      ev.id,
      () => create(eventScope(e), "events", ev.values),
      (id) => (ev.id = id),
    );
  for (const [e, ev] of d.events.entries())
    for (const [a, act] of ev.acts.entries()) {
      const victimId = (act.victimIsInterviewee ? intervieweeId : act.values.victimId) ?? null;
      const confidentiality = levelOf(ev.values, defaults.event);
      const values = { ...act.values, eventId: ev.id, victimId, confidentiality };
      await once(
        act.id,
        () => create(actScope(e, a), "acts", values),
        (id) => (act.id = id),
      );
    }
  for (const [e, ev] of d.events.entries())
    for (const [a, act] of ev.acts.entries())
      for (const [p, perp] of act.perpetrators.entries()) {
        const values = { ...perp.values, actId: act.id, confidentiality: levelOf(ev.values, defaults.event) };
        await once(
          perp.id,
          () => create(perpetratorScope(e, a, p), "involvements", values),
          (id) => (perp.id = id),
        );
      }

  const access = {
    confidentiality: levelOf(d.source, defaults.source),
    restrictedTo: restrictionOf(d.source),
  };
  const link =
    (scope: string, targetType: string, targetId: string | undefined, reliability: string | null) => () =>
      create(scope, "information-links", { sourceId, targetType, targetId, reliability, ...access });
  for (const [e, ev] of d.events.entries()) {
    await once(ev.linkId, link(eventScope(e), "event", ev.id, ev.reliability), (id) => (ev.linkId = id));
    for (const [a, act] of ev.acts.entries())
      await once(act.linkId, link(actScope(e, a), "act", act.id, act.reliability), (id) => (act.linkId = id));
  }
  return sourceId;
}
