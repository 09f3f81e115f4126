import { reportBodyText } from "../../../shared/report-body.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { createSearchIndexRepository, type SearchDocument } from "./search-index.repository.js";
import { tokenize } from "./search-tokens.js";

type Repo = ReturnType<typeof createSearchIndexRepository>;
type Row = Record<string, unknown>;

const text = (...parts: unknown[]) =>
  parts.filter((p): p is string => typeof p === "string" && p !== "").join("\n");
const termsOf = (...parts: unknown[]) => tokenize(text(...parts)).map((t) => t.term);

const common = (r: Row, recordType: string) => ({
  id: String(r.id),
  record_type: recordType,
  mandate_id: String(r.mandate_id),
  confidentiality: String(r.confidentiality),
  restricted: Number(r.restricted),
  updated_at: String(r.updated_at),
  act_type: null,
  place_id: null,
  province_id: null,
  county_id: null,
  victim_sex: null,
  perpetratorTypes: [],
});

async function withPlaces(repo: Repo, docs: SearchDocument[]) {
  const ancestry = await repo.placeAncestry(docs.map((d) => d.place_id).filter((p): p is string => !!p));
  for (const d of docs) {
    let at = d.place_id ? ancestry.get(d.place_id) : undefined;
    for (let depth = 0; at && depth < 6; depth++) {
      if (at.level === "province") d.province_id = at.id;
      if (at.level === "county") d.county_id = at.id;
      at = at.parent_id ? ancestry.get(at.parent_id) : undefined;
    }
  }
  return docs;
}

/** Sources are found by title, summary and transcript; who was interviewed is never indexed. */
async function sourceDocs(repo: Repo, ids: string[]) {
  const rows = await repo.sources(ids);
  return withPlaces(
    repo,
    rows.map((r) => ({
      ...common(r as unknown as Row, "source"),
      title: r.title,
      doc_date: r.source_date,
      place_id: r.place_id,
      terms: termsOf(r.title, r.summary, r.transcript),
    })),
  );
}

async function eventDocs(repo: Repo, ids: string[]) {
  const rows = await repo.events(ids);
  return withPlaces(
    repo,
    rows.map((r) => ({
      ...common(r as unknown as Row, "event"),
      title: r.title,
      doc_date: r.start_date,
      place_id: r.place_id,
      terms: termsOf(r.title, r.description),
    })),
  );
}

/** A person is found by pseudonymous code and notes only: identifying data lives elsewhere, encrypted. */
async function personDocs(repo: Repo, ids: string[]) {
  const rows = await repo.persons(ids);
  return rows.map((r) => ({
    ...common(r as unknown as Row, "person"),
    title: r.code,
    doc_date: null,
    terms: termsOf(r.code, r.notes),
  }));
}

/** An act carries its facets: type, date and place (the event's when it has none), victim's sex, perpetrator types. */
async function actDocs(repo: Repo, ids: string[]) {
  const rows = await repo.acts(ids);
  const labels = new Map(
    (await repo.termLabels("types_of_acts", [...new Set(rows.map((r) => r.act_type))])).map((t) => [
      t.code,
      JSON.parse(t.labels) as Record<string, string>,
    ]),
  );
  const perpetrators = new Map<string, string[]>();
  for (const p of await repo.perpetratorTypes(ids))
    if (p.perpetrator_type)
      perpetrators.set(p.act_id, [...(perpetrators.get(p.act_id) ?? []), p.perpetrator_type]);
  return withPlaces(
    repo,
    rows.map((r) => {
      const typeLabels = labels.get(r.act_type) ?? {};
      const date = r.act_date ?? r.event_date;
      return {
        ...common(r as unknown as Row, "act"),
        title: [typeLabels.en ?? r.act_type, date].filter(Boolean).join(" · "),
        doc_date: date,
        act_type: r.act_type,
        place_id: r.place_id ?? r.event_place_id,
        victim_sex: r.victim_sex,
        perpetratorTypes: perpetrators.get(r.id) ?? [],
        terms: termsOf(...Object.values(typeLabels), r.consequences),
      };
    }),
  );
}

/** A case is found by its title, summary and next action. */
async function caseDocs(repo: Repo, ids: string[]) {
  return (await repo.cases(ids)).map((r) => ({
    ...common(r as unknown as Row, "case"),
    title: r.title,
    doc_date: r.status_on,
    terms: termsOf(r.title, r.summary, r.next_action),
  }));
}

/** A letter is found by its reference, subject, summaries and text. */
async function communicationDocs(repo: Repo, ids: string[]) {
  return (await repo.communications(ids)).map((r) => ({
    ...common(r as unknown as Row, "communication"),
    title: r.reference ? `${r.reference} · ${r.subject}` : r.subject,
    doc_date: r.sent_on,
    terms: termsOf(r.reference, r.subject, r.summary, r.public_summary, r.body),
  }));
}

/** A report is found by its symbol, title, session and its own words (never the quoted excerpts). */
async function reportDocs(repo: Repo, ids: string[]) {
  return (await repo.reports(ids)).map((r) => ({
    ...common(r as unknown as Row, "report"),
    title: r.symbol ? `${r.symbol} · ${r.title}` : r.title,
    doc_date: r.issued_on ?? r.due_on,
    terms: termsOf(r.symbol, r.title, r.subtitle, r.session, reportBodyText(r.body)),
  }));
}

/** A recommendation is found by its text, theme, session, paragraph, addressee and recommending state. */
function recommendationDoc(r: Row) {
  const text = String(r.text ?? "");
  return {
    ...common(r, "recommendation"),
    title: [r.paragraph, text.length > 160 ? `${text.slice(0, 159)}…` : text].filter(Boolean).join(" · "),
    doc_date: (r.issued_on as string | null | undefined) ?? null,
    terms: termsOf(text, r.theme, r.session, r.paragraph, r.addressee_name, r.recommending_state),
  };
}

async function recommendationDocs(repo: Repo, ids: string[]) {
  return (await repo.recommendations(ids)).map((r) => recommendationDoc(r as unknown as Row));
}

/**
 * A press release is found by its words in either language, its dateline and its address; dated by the day it was
 * (or is to be) published, since a search document's date is a day, month or year, never a time.
 */
async function pressReleaseDocs(repo: Repo, ids: string[]) {
  return (await repo.pressReleases(ids)).map((r) => ({
    ...common(r as unknown as Row, "press_release"),
    title: r.title_en || r.title_ko || r.slug,
    doc_date: (r.published_at ?? r.publish_at)?.slice(0, 10) ?? null,
    terms: termsOf(
      r.title_en,
      r.title_ko,
      r.summary_en,
      r.summary_ko,
      r.body_en,
      r.body_ko,
      r.location,
      r.slug,
    ),
  }));
}

const builders = {
  source: sourceDocs,
  event: eventDocs,
  person: personDocs,
  act: actDocs,
  case: caseDocs,
  communication: communicationDocs,
  report: reportDocs,
  recommendation: recommendationDocs,
  press_release: pressReleaseDocs,
} as const;
export type Indexed = keyof typeof builders;

/** Which documents a write of a record touches: an act shows its victim's sex and its event's date and place. */
async function affected(repo: Repo, recordType: string, ids: string[]): Promise<[Indexed, string[]][]> {
  switch (recordType) {
    case "event":
      return [
        ["event", ids],
        ["act", await repo.actIdsOfEvent(ids)],
      ];
    case "person":
      return [
        ["person", ids],
        ["act", await repo.actIdsOfVictim(ids)],
      ];
    case "involvement":
      return [["act", await repo.actIdsOfInvolvements(ids)]];
    default:
      return Object.hasOwn(builders, recordType) ? [[recordType as Indexed, ids]] : [];
  }
}

const batch = 500;

/** Brings the index up to date after records of one type were written, inside the same transaction. */
export async function indexRecords(db: Tx, recordType: string, ids: readonly string[]) {
  const repo = createSearchIndexRepository({ db });
  for (const [type, list] of await affected(repo, recordType, [...ids])) {
    for (let i = 0; i < list.length; i += batch) {
      const part = list.slice(i, i + batch);
      const docs = await builders[type](repo, part);
      await repo.replace(docs);
      const gone = part.filter((id) => !docs.some((d) => d.id === id));
      await repo.remove(gone);
    }
  }
}

/** Types whose document is made from their own row alone: a bulk write indexes them from the rows it wrote. */
const fromRow: Partial<Record<Indexed, (r: Row) => SearchDocument>> = { recommendation: recommendationDoc };

/** Whether `indexInsertedRows` makes this type's documents from the rows given (else it needs only their ids). */
export const indexedFromRows = (recordType: Indexed) => fromRow[recordType] !== undefined;

/**
 * Indexes rows just written in bulk (an import), from the rows themselves where the type allows, else by reading
 * them back. Their documents cannot exist yet.
 */
export async function indexInsertedRows(db: Tx, recordType: Indexed, rows: readonly Row[]) {
  const build = fromRow[recordType];
  if (!build)
    return indexNewRecords(
      db,
      recordType,
      rows.map((r) => String(r.id)),
    );
  const repo = createSearchIndexRepository({ db });
  for (let i = 0; i < rows.length; i += batch)
    await repo.replace(rows.slice(i, i + batch).map(build), { fresh: true });
}

/** Indexes records just created in bulk (an import): their documents cannot exist yet. */
async function indexNewRecords(db: Tx, recordType: Indexed, ids: readonly string[]) {
  const repo = createSearchIndexRepository({ db });
  for (let i = 0; i < ids.length; i += batch)
    await repo.replace(await builders[recordType](repo, ids.slice(i, i + batch)), { fresh: true });
}

/** The table each indexed type's records live in. */
export const tables = {
  source: "sources",
  event: "events",
  person: "persons",
  act: "acts",
  case: "cases",
  communication: "communications",
  report: "reports",
  recommendation: "recommendations",
  press_release: "press_releases",
} as const;

/**
 * Rebuilds the index of the types asked (every type by default), a batch per transaction; `onProgress` hears how
 * many records are done.
 * @example await rebuildSearchIndex(db, { types: ["report", "recommendation"] });
 */
export async function rebuildSearchIndex(
  db: Db,
  o: { types?: readonly Indexed[]; onProgress?: (done: number) => void } = {},
) {
  let done = 0;
  for (const type of o.types ?? (Object.keys(tables) as Indexed[])) {
    let after = "";
    for (;;) {
      const ids = await createSearchIndexRepository({ db }).idsAfter(tables[type], after, batch);
      if (!ids.length) break;
      await inTransaction(db, async (trx) => {
        const repo = createSearchIndexRepository({ db: trx });
        await repo.replace(await builders[type](repo, ids));
      });
      after = ids[ids.length - 1] ?? after;
      done += ids.length;
      o.onProgress?.(done);
    }
  }
  return done;
}
