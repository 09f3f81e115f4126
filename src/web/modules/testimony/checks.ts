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

/** Where the field an API refusal names is shown: the interviewee with the person, an act's level with its event. */
const shownAt = (scope: string, field: string) => {
  if (scope === "source" && field === "intervieweeId") return "person";
  if (field === "confidentiality" && /^e\d+\./.test(scope)) return scope.split(".")[0] ?? scope;
  return scope;
};

/** The problems an API refusal names, keyed by the scope of the record being created and the field. */
export function apiProblems(scope: string, fields: Record<string, { message: string }>) {
  const out: Record<string, string> = {};
  for (const [name, problem] of Object.entries(fields)) {
    const field = name.split(".")[0] ?? name;
    out[`${shownAt(scope, field)}.${field}`] = problem.message;
  }
  return out;
}
