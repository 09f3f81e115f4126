import type { ReportBody } from "../../../shared/report-body.js";
import type { ReportNumbers } from "../../../shared/report-numbering.js";
import type { Ability } from "../../platform/access/access.policies.js";
import type { ReportsTable } from "../../platform/db/schema-reports.types.js";
import type { ResolvedQuotation } from "./report-quotations.js";
import type { ReportTransition } from "./reports.policies.js";

interface RecommendationRow {
  id: string;
  addressee_kind: string;
  addressee_country: string | null;
  addressee_name: string | null;
  text: string;
  paragraph: string | null;
}

/**
 * The report's body as its editor shows it. A quotation's text and source are given only to a reader of the
 * source; others see that a quotation is there, nothing of it.
 */
export function presentContent(c: {
  row: ReportsTable;
  body: ReportBody;
  numbers: ReportNumbers;
  abilities: Record<Ability, boolean>;
  actions: ReportTransition[];
  quotations: Map<string, ResolvedQuotation>;
  recommendations: RecommendationRow[];
  users: Map<string, string>;
}) {
  return {
    reportId: c.row.id,
    version: Number(c.row.version),
    status: c.row.status,
    language: c.row.language,
    symbol: c.row.symbol,
    editable: c.abilities.update && ["drafting", "review"].includes(c.row.status),
    abilities: c.abilities,
    actions: c.actions,
    body: c.body,
    numbers: {
      paragraphs: Object.fromEntries(c.numbers.paragraphs),
      footnotes: Object.fromEntries(c.numbers.footnotes),
      recommendationsStart: c.numbers.nextParagraph,
    },
    quotations: Object.fromEntries(
      [...c.quotations].map(([id, q]) => [
        id,
        q.readable && q.source
          ? {
              readable: true,
              text: q.text,
              changed: q.changed,
              source: {
                id: q.source.id,
                title: q.source.title,
                consentScope: q.source.consent_scope,
                confidentiality: q.source.confidentiality,
                reprisalRisk: q.source.reprisal_risk,
              },
            }
          : { readable: false, text: null, changed: false, source: null },
      ]),
    ),
    refreshedBy: Object.fromEntries(c.users),
    recommendations: c.recommendations.map((r) => ({
      id: r.id,
      addresseeKind: r.addressee_kind,
      addresseeCountry: r.addressee_country,
      addresseeName: r.addressee_name,
      text: r.text,
      paragraph: r.paragraph,
    })),
  };
}
export type ReportContent = ReturnType<typeof presentContent>;
