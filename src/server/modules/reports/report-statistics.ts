import type { StatisticQuery, StatisticTable } from "../../../shared/report-body.js";
import type { Actor } from "../../platform/access/access.policies.js";
import type { Tx } from "../../platform/db/any-db.js";
import { nowIso } from "../../platform/db/time.js";
import { createAnalyticsRepository } from "../analytics/analytics.repository.js";
import { actsOverTime } from "../analytics/analytics.usecases.js";
import { filtersOf } from "../search/search.usecases.js";
import { createReportsRepository } from "./reports.repository.js";

type Language = "en" | "ko";

const words = {
  en: {
    period: { none: "", year: "Year", quarter: "Quarter", month: "Month" },
    split: {
      none: "Acts",
      actType: "Type of act",
      province: "Province",
      county: "County",
      victimSex: "Sex of victim",
      perpetratorType: "Type of perpetrator",
    },
    acts: "Acts",
    total: "Total",
    all: "All acts",
    other: "Other",
    unknown: "Not recorded",
    note: {
      acts: "Coded acts",
      types: "of type",
      places: "in",
      sex: "victims",
      perpetrators: "perpetrators",
      from: "from",
      to: "to",
      by: { none: "", year: "per year", quarter: "per quarter", month: "per month" },
      split: {
        none: "",
        actType: "by type of act",
        province: "by province",
        county: "by county",
        victimSex: "by sex of victim",
        perpetratorType: "by type of perpetrator",
      },
      counted: "Counted on",
      undated: (n: number) =>
        `${n} act${n === 1 ? "" : "s"} without a date precise enough for the period not shown.`,
    },
    quarter: (y: string, q: string) => `Q${q} ${y}`,
    month: (y: string, m: string) =>
      new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleDateString("en-GB", {
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }),
    day: (d: string) =>
      new Date(`${d}T00:00:00Z`).toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }),
  },
  ko: {
    period: { none: "", year: "연도", quarter: "분기", month: "월" },
    split: {
      none: "행위",
      actType: "행위 유형",
      province: "도",
      county: "군",
      victimSex: "피해자 성별",
      perpetratorType: "가해자 유형",
    },
    acts: "행위",
    total: "합계",
    all: "전체 행위",
    other: "기타",
    unknown: "기록 없음",
    note: {
      acts: "코딩된 행위",
      types: "유형:",
      places: "장소:",
      sex: "피해자:",
      perpetrators: "가해자:",
      from: "시작:",
      to: "끝:",
      by: { none: "", year: "연도별", quarter: "분기별", month: "월별" },
      split: {
        none: "",
        actType: "행위 유형별",
        province: "도별",
        county: "군별",
        victimSex: "피해자 성별",
        perpetratorType: "가해자 유형별",
      },
      counted: "집계일:",
      undated: (n: number) => `기간을 정할 만큼 날짜가 정확하지 않은 행위 ${n}건은 표에 없습니다.`,
    },
    quarter: (y: string, q: string) => `${y}년 ${q}분기`,
    month: (y: string, m: string) => `${y}년 ${Number(m)}월`,
    day: (d: string) => {
      const [y, m, day] = d.split("-").map(Number);
      return `${y}년 ${m}월 ${day}일`;
    },
  },
};

const lists = {
  actType: "types_of_acts",
  victimSex: "sex",
  perpetratorType: "types_of_perpetrators",
} as const;

function periodLabel(p: string, lang: Language) {
  const w = words[lang];
  if (/^\d{4}-Q\d$/.test(p)) return w.quarter(p.slice(0, 4), p.slice(6));
  if (/^\d{4}-\d{2}$/.test(p)) return w.month(p.slice(0, 4), p.slice(5, 7));
  return p;
}

const label = (labels: Record<string, string> | undefined, lang: Language, fallback: string) =>
  labels?.[lang] ?? labels?.en ?? fallback;

/** The filters of a statistic in words, as the note under its table says them. */
async function describe(db: Tx, actor: Actor, q: StatisticQuery, lang: Language, undated: number) {
  const w = words[lang].note;
  const repo = createReportsRepository({ db });
  const analytics = createAnalyticsRepository({ db });
  const names = async (list: string, codes: string[]) => {
    const found = await repo.termLabels(list, codes);
    return codes.map((c) => label(found.get(c), lang, c)).join(", ");
  };
  const parts: string[] = [w.acts];
  if (q.actType.length) parts.push(`${w.types} ${await names(lists.actType, q.actType)}`);
  if (q.place.length) {
    const places = new Map((await analytics.places(actor, q.place)).map((p) => [p.id, p]));
    const text = q.place
      .map((id) => places.get(id))
      .filter((p) => p !== undefined)
      .map((p) => (lang === "ko" ? (p.name_ko ?? p.name_en) : p.name_en))
      .join(", ");
    if (text) parts.push(`${w.places} ${text}`);
  }
  if (q.victimSex.length) parts.push(`${w.sex} ${await names(lists.victimSex, q.victimSex)}`);
  if (q.perpetratorType.length)
    parts.push(`${w.perpetrators} ${await names(lists.perpetratorType, q.perpetratorType)}`);
  if (q.dateFrom) parts.push(`${w.from} ${q.dateFrom}`);
  if (q.dateTo) parts.push(`${w.to} ${q.dateTo}`);
  const how = [w.by[q.period], w.split[q.by]].filter(Boolean).join(", ");
  const sentence = `${parts.join(lang === "ko" ? "; " : ", ")}${how ? `; ${how}` : ""}.`;
  const counted = `${w.counted} ${words[lang].day(nowIso().slice(0, 10))}.`;
  return [sentence, counted, undated > 0 && q.period !== "none" ? w.undated(undated) : ""]
    .filter(Boolean)
    .join(" ");
}

/** Labels of the split's keys (terms, places), in the report's language. */
async function keyLabels(
  db: Tx,
  actor: Actor,
  by: StatisticQuery["by"],
  keys: (string | null)[],
  lang: Language,
) {
  const w = words[lang];
  const real = keys.filter((k): k is string => !!k && k !== "~other");
  const out = new Map<string | null, string>([
    [null, w.unknown],
    ["~other", w.other],
  ]);
  if (by === "actType" || by === "victimSex" || by === "perpetratorType") {
    const found = await createReportsRepository({ db }).termLabels(lists[by], real);
    for (const k of real) out.set(k, label(found.get(k), lang, k));
  } else if (by === "province" || by === "county") {
    const places = await createAnalyticsRepository({ db }).places(actor, real);
    for (const p of places) out.set(p.id, lang === "ko" ? (p.name_ko ?? p.name_en) : p.name_en);
  }
  return (k: string | null) => out.get(k) ?? String(k);
}

const csv = (values: string[]) => (values.length ? values.join(",") : undefined);

/**
 * Computes a live statistic now, over the coded acts the actor may read (the search's access filter is part of every
 * count), as a table in the report's language with its filters stated in words.
 * @example const table = await computeStatistic({ db, actor, mandateId, query, language: "en" });
 */
export async function computeStatistic({
  db,
  actor,
  mandateId,
  query: q,
  language,
}: {
  db: Tx;
  actor: Actor;
  mandateId: string;
  query: StatisticQuery;
  language: Language;
}): Promise<StatisticTable> {
  const w = words[language];
  const searchQuery = {
    mandateId,
    actType: csv(q.actType),
    place: csv(q.place),
    victimSex: csv(q.victimSex),
    perpetratorType: csv(q.perpetratorType),
    dateFrom: q.dateFrom ?? undefined,
    dateTo: q.dateTo ?? undefined,
  };
  const base = { computedAt: nowIso(), computedBy: actor.userId };
  if (q.period === "none") {
    const repo = createAnalyticsRepository({ db });
    const filters = await filtersOf(db, actor, searchQuery);
    const rows = await repo.actsOverTime(actor, filters, "year", q.by);
    const byKey = new Map<string | null, number>();
    for (const r of rows) byKey.set(r.dim, (byKey.get(r.dim) ?? 0) + r.n);
    const sorted = [...byKey].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
    const named = await keyLabels(
      db,
      actor,
      q.by,
      sorted.map(([k]) => k),
      language,
    );
    const total = rows.reduce((s, r) => s + r.n, 0);
    return {
      ...base,
      columns: [w.split[q.by], w.acts],
      rows:
        q.by === "none"
          ? [{ label: w.all, counts: [total] }]
          : sorted.slice(0, 40).map(([k, n]) => ({ label: named(k), counts: [n] })),
      total,
      undated: 0,
      note: await describe(db, actor, q, language, 0),
    };
  }
  const result = await actsOverTime({
    db,
    actor,
    query: { ...searchQuery, period: q.period, by: q.by, actTypeLevel: 5 },
  });
  const named = await keyLabels(
    db,
    actor,
    q.by,
    result.series.map((s) => s.key),
    language,
  );
  const split = q.by !== "none";
  return {
    ...base,
    columns: [
      w.period[q.period],
      ...(split ? [...result.series.map((s) => named(s.key)), w.total] : [w.acts]),
    ],
    rows: result.periods.map((p, i) => {
      const counts = result.series.map((s) => s.counts[i] ?? 0);
      const sum = counts.reduce((a, b) => a + b, 0);
      return { label: periodLabel(p, language), counts: split ? [...counts, sum] : [sum] };
    }),
    total: result.series.reduce((s, x) => s + x.total, 0),
    undated: result.undated,
    note: await describe(db, actor, q, language, result.undated),
  };
}

/** The cells of a table small enough to point at someone: 1 or 2 acts (0 says nothing of anyone). */
export function smallCells(table: StatisticTable): number {
  return table.rows.flatMap((r) => r.counts).filter((n) => n === 1 || n === 2).length;
}

/** Words of a table's total row, in the report's language. */
export const totalWord = (lang: Language) => words[lang].total;
