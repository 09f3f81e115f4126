import type { ReportBody, ReportBodyBlock } from "../../../shared/report-body.js";
import { numberReport } from "../../../shared/report-numbering.js";

/** A report as a version keeps it. */
export interface ReportSnapshot {
  metadata: {
    kind: string;
    symbol: string | null;
    title: string;
    subtitle: string | null;
    session: string | null;
    agendaItem: string | null;
    issuedOn: string | null;
    language: string;
  };
  body: ReportBody;
}

export type DiffPart =
  | "title"
  | "subtitle"
  | "session"
  | "agendaItem"
  | "summary"
  | "heading"
  | ReportBodyBlock["kind"]
  | "recommendationsIntro";

export interface DiffEntry {
  change: "added" | "removed" | "changed";
  part: DiffPart;
  id: string | null;
  numberBefore: number | null;
  numberAfter: number | null;
  before: string | null;
  after: string | null;
}

/** A block as words a reader compares: the paragraph with its footnotes, what a quotation points at, a statistic. */
function textOf(b: ReportBodyBlock): string {
  const notes =
    "footnotes" in b && b.footnotes.length ? `\n${b.footnotes.map((f) => `— ${f.text}`).join("\n")}` : "";
  if (b.kind === "paragraph") return `${b.text}${notes}`;
  if (b.kind === "quotation")
    return `“…” ${b.field} ${b.start}–${b.end} (${b.sourceId.slice(-8)})${b.attribution ? ` — ${b.attribution}` : ""}${b.attributed ? " [attributed]" : ""}${notes}`;
  const counts = b.table
    ? ` = ${b.table.rows.map((r) => `${r.label}: ${r.counts.join("/")}`).join("; ")}`
    : "";
  return `${b.caption} [${JSON.stringify(b.query)}]${counts}`;
}

/**
 * A paragraph-level comparison of two versions: blocks are matched by their id, so a paragraph edited shows as
 * changed, one inserted as added, one deleted as removed (where it stood), whatever moved around them.
 * @example diffReports(v1, v2).entries // [{ change: "changed", part: "paragraph", numberBefore: 3, … }]
 */
export function diffReports(a: ReportSnapshot, b: ReportSnapshot) {
  const entries: DiffEntry[] = [];
  let unchanged = 0;
  const field = (part: DiffPart, before: string | null | undefined, after: string | null | undefined) => {
    const x = before ?? "";
    const y = after ?? "";
    if (x === y) unchanged++;
    else
      entries.push({
        change: !x ? "added" : !y ? "removed" : "changed",
        part,
        id: null,
        numberBefore: null,
        numberAfter: null,
        before: x || null,
        after: y || null,
      });
  };
  field("title", a.metadata.title, b.metadata.title);
  field("subtitle", a.metadata.subtitle, b.metadata.subtitle);
  field("session", a.metadata.session, b.metadata.session);
  field("agendaItem", a.metadata.agendaItem, b.metadata.agendaItem);
  field("summary", a.body.summary, b.body.summary);

  const na = numberReport(a.body).paragraphs;
  const nb = numberReport(b.body).paragraphs;
  type Item = { id: string; part: DiffPart; text: string };
  const flatten = (body: ReportBody): Item[] =>
    body.sections.flatMap((s) => [
      { id: s.id, part: "heading" as const, text: s.heading },
      ...s.blocks.map((blk) => ({ id: blk.id, part: blk.kind, text: textOf(blk) })),
    ]);
  const before = flatten(a.body);
  const after = flatten(b.body);
  const inAfter = new Set(after.map((i) => i.id));
  const beforeById = new Map(before.map((i) => [i.id, i]));
  // Removed items show after the item that preceded them in the older version.
  const removedAfter = new Map<string | null, Item[]>();
  let previous: string | null = null;
  for (const i of before) {
    if (!inAfter.has(i.id)) removedAfter.set(previous, [...(removedAfter.get(previous) ?? []), i]);
    else previous = i.id;
  }
  const removed = (key: string | null) => {
    for (const i of removedAfter.get(key) ?? [])
      entries.push({
        change: "removed",
        part: i.part,
        id: i.id,
        numberBefore: na.get(i.id) ?? null,
        numberAfter: null,
        before: i.text,
        after: null,
      });
  };
  removed(null);
  for (const i of after) {
    const old = beforeById.get(i.id);
    if (!old)
      entries.push({
        change: "added",
        part: i.part,
        id: i.id,
        numberBefore: null,
        numberAfter: nb.get(i.id) ?? null,
        before: null,
        after: i.text,
      });
    else if (old.text !== i.text)
      entries.push({
        change: "changed",
        part: i.part,
        id: i.id,
        numberBefore: na.get(i.id) ?? null,
        numberAfter: nb.get(i.id) ?? null,
        before: old.text,
        after: i.text,
      });
    else unchanged++;
    removed(i.id);
  }
  field("recommendationsIntro", a.body.recommendationsIntro, b.body.recommendationsIntro);
  return { entries, unchanged };
}
