import type { ReportBody } from "../../../shared/report-body.js";
import { numberReport } from "../../../shared/report-numbering.js";
import type { Actor } from "../../platform/access/access.policies.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { ReportsTable } from "../../platform/db/schema-reports.types.js";
import { today } from "../../platform/db/time.js";
import { countryNamer } from "../places/places.usecases.js";
import type { ReportBlock, ReportDocument, ReportRecommendationGroup } from "./report-document.js";
import { resolveQuotations } from "./report-quotations.js";
import { totalWord } from "./report-statistics.js";
import { organOf } from "./reports.policies.js";
import { createReportsRepository } from "./reports.repository.js";

const labels = {
  en: {
    distribution: "General",
    language: { en: "English", ko: "Korean" },
    organ: { general_assembly: "General Assembly", hrc: "Human Rights Council" },
    recommendations: "Recommendations",
    marking: "Internal — not for distribution",
    unreadable: "[A quotation from a source you may not read]",
    missing: "[The quoted passage is no longer in its source]",
    notComputed: "Not computed yet.",
    source: (title: string, field: string, start: number, end: number) =>
      `Source: ${title} (${field === "transcript" ? "transcript" : "summary"}, characters ${start}–${end})`,
    government: (country: string) => `the Government of ${country}`,
    international: "the international community",
    un: "the United Nations",
    other: "other actors",
  },
  ko: {
    distribution: "일반",
    language: { en: "영어", ko: "한국어" },
    organ: { general_assembly: "유엔 총회", hrc: "유엔 인권이사회" },
    recommendations: "권고",
    marking: "내부용 — 배포 금지",
    unreadable: "[열람 권한이 없는 출처의 인용문]",
    missing: "[인용한 부분이 출처에 더 이상 없음]",
    notComputed: "아직 집계하지 않았습니다.",
    source: (title: string, field: string, start: number, end: number) =>
      `출처: ${title} (${field === "transcript" ? "녹취록" : "요약"}, ${start}–${end}번째 글자)`,
    government: (country: string) => `${country} 정부`,
    international: "국제사회",
    un: "유엔",
    other: "기타 행위자",
  },
};

/**
 * The report as exporters render it, built only from what the actor may read: quotations read from their sources
 * now, statistics as last computed (frozen once final), recommendations of the report grouped by addressee and
 * numbered after the last paragraph. A staff copy is marked and says where each quotation came from.
 */
export async function buildReportDocument(
  trx: Tx,
  actor: Actor,
  row: ReportsTable,
  body: ReportBody,
  options: { public: boolean },
): Promise<ReportDocument> {
  const language = row.language === "ko" ? "ko" : "en";
  const l = labels[language];
  const repo = createReportsRepository({ db: trx });
  const numbers = numberReport(body);
  const quotations = await resolveQuotations(repo, actor, body);
  const format = new Intl.NumberFormat(language === "ko" ? "ko-KR" : "en-GB");
  const notes = (b: { footnotes: { id: string; text: string }[] }) =>
    b.footnotes.map((f) => ({ number: numbers.footnotes.get(f.id) ?? 0, text: f.text }));

  const sections = body.sections.map((s) => ({
    heading: s.heading,
    blocks: s.blocks.map((b): ReportBlock => {
      if (b.kind === "paragraph")
        return {
          kind: "paragraph",
          number: numbers.paragraphs.get(b.id) ?? 0,
          text: b.text,
          footnotes: notes(b),
        };
      if (b.kind === "quotation") {
        const q = quotations.get(b.id);
        const text = !q?.readable ? l.unreadable : (q.text ?? l.missing);
        const where =
          !options.public && q?.readable && q.source
            ? l.source(q.source.title, b.field, b.start, b.end)
            : null;
        const attribution = [b.attribution, where].filter(Boolean).join(" — ") || null;
        return { kind: "quotation", text, attribution, footnotes: notes(b) };
      }
      const t = b.table;
      const sums = t
        ? t.columns.slice(1).map((_, i) => t.rows.reduce((n, r) => n + (r.counts[i] ?? 0), 0))
        : [];
      return {
        kind: "table",
        caption: b.caption,
        columns: t?.columns ?? [],
        rows: t
          ? [
              ...t.rows.map((r) => [r.label, ...r.counts.map((n) => format.format(n))]),
              ...(t.rows.length > 1 ? [[totalWord(language), ...sums.map((n) => format.format(n))]] : []),
            ]
          : [],
        note: t ? t.note : l.notComputed,
      };
    }),
  }));

  const recs = await repo.recommendations(actor, row.id);
  const countryName = await countryNamer(
    trx,
    recs.map((r) => r.addressee_country),
    language,
  );
  const addresseeOf = (r: (typeof recs)[number]) => {
    if (r.addressee_kind === "state" && r.addressee_country)
      return l.government(countryName(r.addressee_country));
    if (r.addressee_kind === "international_community") return r.addressee_name ?? l.international;
    if (r.addressee_kind === "un_body") return r.addressee_name ?? l.un;
    return r.addressee_name ?? l.other;
  };
  const groups = new Map<string, ReportRecommendationGroup>();
  for (const r of recs) {
    const key = `${r.addressee_kind}|${r.addressee_country ?? ""}|${r.addressee_kind === "state" ? "" : (r.addressee_name ?? "")}`;
    const g = groups.get(key) ?? {
      number: numbers.nextParagraph + groups.size,
      addressee: addresseeOf(r),
      items: [],
    };
    g.items.push(r.text);
    groups.set(key, g);
  }
  const organ = organOf(row.kind, row.symbol);
  return {
    language,
    symbol: row.symbol ?? "",
    distribution: l.distribution,
    date: row.issued_on ?? today(),
    originalLanguage: l.language[language],
    organ: l.organ[organ],
    session: row.session ?? "",
    agendaItem: row.agenda_item ?? "",
    title: row.title,
    subtitle: row.subtitle,
    summary: body.summary,
    sections,
    recommendations:
      groups.size || body.recommendationsIntro
        ? {
            heading: l.recommendations,
            intro: body.recommendationsIntro ?? null,
            groups: [...groups.values()],
          }
        : null,
    marking: options.public ? null : l.marking,
  };
}
