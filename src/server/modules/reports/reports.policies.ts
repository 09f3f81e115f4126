import type { Actor, MandateRole } from "../../platform/access/access.policies.js";
import { type LifecycleFacts, openTransitionsOf } from "../../platform/records/lifecycle.js";

export const reportKinds = ["hrc", "general_assembly", "visit", "thematic"] as const;
export const reportStatuses = ["drafting", "review", "final", "published"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** Statuses in which the text and the metadata may change; a final report changes only once reopened. */
export const editableStatuses = new Set<string>(["drafting", "review"]);

/** Metadata fixed once the report is final. Field → column. */
export const lockedFields: Record<string, string> = {
  kind: "kind",
  symbol: "symbol",
  title: "title",
  subtitle: "subtitle",
  session: "session",
  agendaItem: "agenda_item",
  issuedOn: "issued_on",
  documentLanguage: "language",
};

const writers: MandateRole[] = ["mandate_holder", "officer", "analyst"];

/** Who may move a report, from where, to where. The mandate holder alone finalises, reopens and publishes. */
export const reportTransitionRules = {
  submit: { from: ["drafting"], to: "review", roles: writers },
  return: { from: ["review"], to: "drafting", roles: writers },
  finalise: { from: ["review"], to: "final", roles: ["mandate_holder"] },
  reopen: { from: ["final"], to: "drafting", roles: ["mandate_holder"] },
  publish: { from: ["final"], to: "published", roles: ["mandate_holder"] },
} as const satisfies Record<
  string,
  { from: readonly ReportStatus[]; to: ReportStatus; roles: readonly MandateRole[] }
>;
export type ReportTransition = keyof typeof reportTransitionRules;
export const reportTransitions = Object.keys(reportTransitionRules) as [
  ReportTransition,
  ...ReportTransition[],
];

/** The moves open to the actor on a report now, by role and status. */
export const openReportTransitions = (actor: Actor, r: LifecycleFacts): ReportTransition[] =>
  openTransitionsOf(reportTransitionRules, actor, r);

/** Only the mandate holder decides to publish despite a problem. */
export const mayOverride = (actor: Actor, mandateId: string) =>
  actor.memberships.get(mandateId) === "mandate_holder";

const symbols = {
  general_assembly: /^A\/\d{2,3}\/\d{1,4}(\/Add\.\d{1,2})?$/,
  hrc: /^A\/HRC\/\d{1,2}\/\d{1,4}(\/Add\.\d{1,2})?$/,
  visit: /^A\/HRC\/\d{1,2}\/\d{1,4}\/Add\.\d{1,2}$/,
  thematic: /^A\/(HRC\/)?\d{1,3}\/\d{1,4}(\/Add\.\d{1,2})?$/,
} as const;

/**
 * Whether a document symbol fits the kind of report: `A/72/394` to the General Assembly, `A/HRC/37/56` to the
 * Council, `A/HRC/37/56/Add.2` for a visit report; a thematic report goes to either.
 * @example symbolFits("general_assembly", "A/72/394") // true
 */
export const symbolFits = (kind: string, symbol: string) =>
  (symbols[kind as keyof typeof symbols] ?? symbols.thematic).test(symbol);

/** The organ a report goes to, read from its symbol (or its kind while it has none). */
export const organOf = (kind: string, symbol: string | null) =>
  symbol
    ? symbol.startsWith("A/HRC/")
      ? "hrc"
      : "general_assembly"
    : kind === "general_assembly"
      ? "general_assembly"
      : "hrc";

export const consentRank = { internal: 0, anonymised_public: 1, attributed_public: 2 } as const;

/** What a quotation needs of its source's consent: attributed quotations need attributed public use. */
export const consentAllows = (scope: string, attributed: boolean) =>
  (consentRank[scope as keyof typeof consentRank] ?? 0) >= (attributed ? 2 : 1);
