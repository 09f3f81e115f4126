import type { TestimonyDraft, Values } from "./draft.js";
import { actScope, eventScope } from "./draft.js";

const badDates = (scope: string, values: Values, message: string, out: Record<string, string>) => {
  for (const [name, v] of Object.entries(values))
    if (v && typeof v === "object" && "invalid" in v) out[`${scope}.${name}`] = message;
};

/** What can be told before sending: dates that cannot be read, and an existing interviewee not picked. */
export function localProblems(
  d: TestimonyDraft,
  t: (key: "record.badDate" | "testimony.pickPerson") => string,
) {
  const out: Record<string, string> = {};
  const bad = t("record.badDate");
  badDates("source", d.source, bad, out);
  if (d.person.mode === "existing" && !d.person.existingId)
    out["person.intervieweeId"] = t("testimony.pickPerson");
  for (const [e, ev] of d.events.entries()) {
    badDates(eventScope(e), ev.values, bad, out);
    for (const [a, act] of ev.acts.entries()) badDates(actScope(e, a), act.values, bad, out);
  }
  return out;
}

/** The problems an API refusal names, keyed by the scope of the record being created and the field. */
export function apiProblems(scope: string, fields: Record<string, { message: string }>) {
  const out: Record<string, string> = {};
  for (const [name, problem] of Object.entries(fields)) {
    const field = name.split(".")[0] ?? name;
    const where = scope === "source" && field === "intervieweeId" ? "person" : scope;
    out[`${where}.${field}`] = problem.message;
  }
  return out;
}
