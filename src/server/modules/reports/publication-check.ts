import type { ReportBody } from "../../../shared/report-body.js";
import { numberReport } from "../../../shared/report-numbering.js";
import type { Actor } from "../../platform/access/access.policies.js";
import { open } from "../../platform/crypto/envelope.js";
import type { MasterKey } from "../../platform/crypto/master-key.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { ReportsTable } from "../../platform/db/schema-reports.types.js";
import type { Identity } from "../persons/person-identities.schemas.js";
import { fingerprint, type ResolvedQuotation, resolveQuotations } from "./report-quotations.js";
import { createMatcher, type IdentityKind, type ScanEntry } from "./report-scan.js";
import { smallCells } from "./report-statistics.js";
import { consentAllows } from "./reports.policies.js";
import { createReportsRepository } from "./reports.repository.js";

export const publicationRules = [
  "consent",
  "identifying_data",
  "reprisal_risk",
  "small_cell",
  "confidential_record",
  "source_unreadable",
  "source_changed",
  "statistic_not_computed",
  "identities_unreadable",
] as const;
export type PublicationRule = (typeof publicationRules)[number];

export const textParts = [
  "title",
  "subtitle",
  "summary",
  "heading",
  "paragraph",
  "footnote",
  "quotation",
  "statistic",
  "recommendations_intro",
  "recommendation",
] as const;
export type TextPart = (typeof textParts)[number];

export interface PublicationProblem {
  /** Stable while the problem stays the same: what an override names. */
  key: string;
  rule: PublicationRule;
  part: TextPart | null;
  blockId: string | null;
  paragraph: number | null;
  /** The person's pseudonymous code, for a reader of that person only; never the value found. */
  personCode: string | null;
  identityKind: IdentityKind | null;
  sourceId: string | null;
  recommendationId: string | null;
  count: number | null;
  /** Where to fix it, in the staff application. */
  link: string;
  /** What the problem looked at: a change to it raises the problem again after an override. */
  fingerprint: string;
}

interface Location {
  part: TextPart;
  blockId: string | null;
  paragraph: number | null;
  recommendationId: string | null;
  text: string;
}

type Recommendation = Awaited<
  ReturnType<ReturnType<typeof createReportsRepository>["recommendations"]>
>[number];

/** Every piece of text a publication would carry, with where it sits. */
function locationsOf(
  row: ReportsTable,
  body: ReportBody,
  quotations: Map<string, ResolvedQuotation>,
  recommendations: Recommendation[],
): Location[] {
  const numbers = numberReport(body);
  const at = (part: TextPart, text: string | null | undefined, blockId: string | null = null): Location[] =>
    text
      ? [
          {
            part,
            blockId,
            paragraph: blockId ? (numbers.paragraphs.get(blockId) ?? null) : null,
            recommendationId: null,
            text,
          },
        ]
      : [];
  return [
    ...at("title", row.title),
    ...at("subtitle", row.subtitle),
    ...at("summary", body.summary),
    ...body.sections.flatMap((s) => [
      ...at("heading", s.heading, s.id),
      ...s.blocks.flatMap((b) => {
        const notes = "footnotes" in b ? b.footnotes.flatMap((f) => at("footnote", f.text, b.id)) : [];
        if (b.kind === "paragraph") return [...at("paragraph", b.text, b.id), ...notes];
        if (b.kind === "quotation")
          return [
            ...at("quotation", `${quotations.get(b.id)?.text ?? ""}\n${b.attribution ?? ""}`, b.id),
            ...notes,
          ];
        return at(
          "statistic",
          [b.caption, ...(b.table?.rows.map((r) => r.label) ?? []), b.table?.note ?? ""].join("\n"),
          b.id,
        );
      }),
    ]),
    ...at("recommendations_intro", body.recommendationsIntro),
    ...recommendations.map((r) => ({
      part: "recommendation" as const,
      blockId: null,
      paragraph: null,
      recommendationId: r.id,
      text: [r.text, r.addressee_name ?? ""].join("\n"),
    })),
  ];
}

const linkTo = (
  reportId: string,
  l: { blockId: string | null; part: TextPart | null; recommendationId?: string | null },
) =>
  l.recommendationId
    ? `/app/recommendations/${l.recommendationId}`
    : `/app/reports/${reportId}#${l.blockId ? `block-${l.blockId}` : `report-${l.part ?? "check"}`}`;

const aboveInternal = (r: { confidentiality: string; restricted: number }) =>
  Number(r.restricted) === 1 || !["public", "internal"].includes(r.confidentiality);

/**
 * Everything that stands between the report and the public, each problem with where to fix it: quotations beyond
 * their source's consent, identifying data of any person of the mandate (opened in memory, never returned or logged),
 * pseudonyms of witnesses at high risk of reprisal, statistics with cells of 1 or 2, referenced records above
 * internal, and quotations or statistics that cannot be vouched for.
 */
export async function findPublicationProblems(
  trx: Tx,
  masterKey: MasterKey,
  actor: Actor,
  row: ReportsTable,
  body: ReportBody,
): Promise<PublicationProblem[]> {
  const repo = createReportsRepository({ db: trx });
  const quotations = await resolveQuotations(repo, actor, body);
  const recommendations = await repo.recommendations(actor, row.id);
  const numbers = numberReport(body);
  const problems: PublicationProblem[] = [];
  const add = (
    p: Omit<PublicationProblem, "link" | "key" | "fingerprint">,
    subject: string,
    looked: unknown,
  ) =>
    problems.push({
      ...p,
      key: `${p.rule}:${p.blockId ?? p.recommendationId ?? p.part ?? "report"}${subject ? `:${subject}` : ""}`,
      link: linkTo(row.id, p),
      fingerprint: fingerprint(looked),
    });
  const none = {
    part: null,
    blockId: null,
    paragraph: null,
    personCode: null,
    identityKind: null,
    sourceId: null,
    recommendationId: null,
    count: null,
  };

  for (const q of quotations.values()) {
    const base = { ...none, part: "quotation" as const, blockId: q.block.id, sourceId: q.block.sourceId };
    if (!q.source || !q.readable) {
      add({ ...base, rule: "source_unreadable", sourceId: null }, "", q.block);
      continue;
    }
    const s = q.source;
    if (!consentAllows(s.consent_scope, q.block.attributed))
      add({ ...base, rule: "consent" }, "", [q.block, s.consent_scope]);
    if (aboveInternal(s))
      add({ ...base, rule: "confidential_record" }, "", [q.block.sourceId, s.confidentiality, s.restricted]);
    if (q.text === null || q.changed) add({ ...base, rule: "source_changed" }, "", [q.block, q.text]);
  }
  for (const r of recommendations)
    if (aboveInternal(r))
      add({ ...none, rule: "confidential_record", part: "recommendation", recommendationId: r.id }, "", [
        r.confidentiality,
        r.restricted,
      ]);
  for (const s of body.sections)
    for (const b of s.blocks) {
      if (b.kind !== "statistic") continue;
      const base = { ...none, part: "statistic" as const, blockId: b.id };
      if (!b.table) add({ ...base, rule: "statistic_not_computed" }, "", b.query);
      else {
        const n = smallCells(b.table);
        if (n) add({ ...base, rule: "small_cell", count: n }, "", [b.query, b.table.rows]);
      }
    }

  // Identities of every person of the mandate, opened here and dropped when the check ends.
  const entries: ScanEntry[] = [];
  let unreadable = 0;
  for (const sealed of await repo.identities(row.mandate_id)) {
    let identity: Identity;
    try {
      identity = open<Identity>(masterKey, sealed.person_id, {
        keyId: sealed.key_id,
        wrappedKey: sealed.wrapped_key,
        ciphertext: sealed.ciphertext,
      });
    } catch {
      unreadable++;
      continue;
    }
    const push = (kind: IdentityKind, value: string | null | undefined) => {
      if (value) entries.push({ personId: sealed.person_id, kind, value });
    };
    push("legal_name", identity.legalName);
    for (const a of identity.aliases ?? []) push("alias", a);
    for (const n of identity.idNumbers ?? []) push("id_number", n.number);
    for (const c of identity.contacts ?? []) push("contact", c.value);
    push("address", identity.address);
  }
  if (unreadable) add({ ...none, rule: "identities_unreadable", count: unreadable }, "", unreadable);
  const persons = await repo.personCodes(row.mandate_id);
  const codes = createMatcher(
    persons.filter((p) => p.highRisk).map((p) => ({ personId: p.id, kind: "code" as const, value: p.code })),
  );
  const identities = createMatcher(entries);
  const hits: { l: Location; personId: string; rule: PublicationRule; kind: IdentityKind }[] = [];
  for (const l of locationsOf(row, body, quotations, recommendations)) {
    for (const h of identities.find(l.text))
      hits.push({ l, personId: h.personId, rule: "identifying_data", kind: h.kind });
    for (const h of codes.find(l.text))
      hits.push({ l, personId: h.personId, rule: "reprisal_risk", kind: h.kind });
  }
  const readable = await repo.readablePersons(
    actor,
    hits.map((h) => h.personId),
  );
  const codeOf = new Map(persons.map((p) => [p.id, p.code]));
  const seen = new Set<string>();
  for (const { l, personId, rule, kind } of hits) {
    const subject = fingerprint(personId).slice(0, 10);
    const id = `${rule}:${l.part}:${l.blockId ?? l.recommendationId ?? ""}:${subject}:${kind}`;
    if (seen.has(id)) continue;
    seen.add(id);
    add(
      {
        ...none,
        rule,
        part: l.part,
        blockId: l.blockId,
        paragraph: l.blockId ? (numbers.paragraphs.get(l.blockId) ?? null) : null,
        recommendationId: l.recommendationId,
        personCode: readable.has(personId) ? (codeOf.get(personId) ?? null) : null,
        identityKind: kind,
      },
      `${l.part}:${subject}:${kind}`,
      [l.text, personId, kind],
    );
  }
  return problems;
}
