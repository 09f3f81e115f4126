import { type MarkdownOptions, renderMarkdown } from "../../platform/text/markdown.js";
import type { PortalLang } from "./portal-words.js";

/**
 * The public presenters: the only shapes the portal's pages, feeds and sitemap are made from. Each names, field by
 * field, what the public may see; a column not listed here cannot reach a public page.
 */

export interface ReleaseRow {
  slug: string;
  location: string | null;
  published_at: string | null;
  updated_at: string;
  title_en: string | null;
  title_ko: string | null;
  summary_en: string | null;
  summary_ko: string | null;
  body_en?: string | null;
  body_ko?: string | null;
}

/** The languages a press release was written in. */
export const releaseLanguages = (r: ReleaseRow): PortalLang[] =>
  (["en", "ko"] as const).filter((l) => !!r[`title_${l}`]);

/** A press release's page after the language: `/press-releases/2026-11-29-returns`. */
export const releasePath = (slug: string) => `/press-releases/${encodeURIComponent(slug)}`;

/** The public address of a published release's image (the same bytes for ever: an image never changes). */
export const mediaPath = (imageId: string) => `/media/${encodeURIComponent(imageId)}`;

/**
 * A press release in the reader's language, or in the one it exists in; `markdown.imageUrl` gives the address of each
 * image its body shows (an image it does not give is left out).
 */
export function presentRelease(r: ReleaseRow, lang: PortalLang, markdown: MarkdownOptions = {}) {
  const languages = releaseLanguages(r);
  const shown: PortalLang = languages.includes(lang) ? lang : (languages[0] ?? lang);
  return {
    slug: r.slug,
    lang: shown,
    languages,
    title: r[`title_${shown}`] ?? "",
    summary: r[`summary_${shown}`] ?? "",
    location: r.location ?? "",
    publishedAt: r.published_at ?? "",
    updatedAt: r.updated_at,
    bodyHtml: renderMarkdown(r[`body_${shown}`] ?? "", markdown),
  };
}
export type PublicRelease = ReturnType<typeof presentRelease>;

export interface ReportRow {
  id: string;
  kind: string;
  symbol: string | null;
  title: string;
  subtitle: string | null;
  session: string | null;
  language: string;
  published_on: string | null;
}

/** A published report: what it is and where to download it. */
export const presentReport = (r: ReportRow) => ({
  id: r.id,
  kind: r.kind,
  symbol: r.symbol ?? "",
  title: r.title,
  subtitle: r.subtitle ?? "",
  session: r.session ?? "",
  lang: (r.language === "ko" ? "ko" : "en") as PortalLang,
  publishedOn: r.published_on ?? "",
  files: { docx: `/reports/${r.id}/report.docx`, pdf: `/reports/${r.id}/report.pdf` },
});
export type PublicReport = ReturnType<typeof presentReport>;

export interface VisitRequestRow {
  id: string;
  country: string;
  first_requested_on: string;
  status: string;
  status_on: string | null;
  reminder_count: number;
  last_reminder_on: string | null;
}
export interface VisitRow {
  id: string;
  title: string;
  visit_kind: string;
  country: string;
  visit_request_id: string | null;
  start_on: string | null;
  end_on: string | null;
  status: string;
  report_symbol: string | null;
}

/** One line of the country visits table: a request (or a mission made without one) and its visits. */
export const presentVisitLine = (
  request: VisitRequestRow | null,
  country: string,
  countryName: string,
  visits: VisitRow[],
) => ({
  country,
  countryName,
  firstRequestedOn: request?.first_requested_on ?? "",
  status: request?.status ?? "",
  statusOn: request?.status_on ?? "",
  reminders: Number(request?.reminder_count ?? 0),
  lastReminderOn: request?.last_reminder_on ?? "",
  visits: visits.map((v) => ({
    title: v.title,
    kind: v.visit_kind,
    startOn: v.start_on ?? "",
    endOn: v.end_on ?? "",
    status: v.status,
    reportSymbol: v.report_symbol ?? "",
  })),
});
export type PublicVisitLine = ReturnType<typeof presentVisitLine>;

export interface RecommendationRow {
  id: string;
  source_body: string;
  paragraph: string | null;
  addressee_kind: string;
  addressee_country: string | null;
  addressee_name: string | null;
  theme: string | null;
  text: string;
  recommending_state: string | null;
  response: string | null;
  session: string | null;
  issued_on: string | null;
  status: string;
  status_on: string | null;
}
export interface FollowUpRow {
  recommendation_id: string;
  status: string;
  assessed_on: string;
  evidence: string | null;
}

/** A public recommendation with its public follow-ups, newest first. */
export const presentRecommendation = (r: RecommendationRow, addressee: string, followUps: FollowUpRow[]) => ({
  sourceBody: r.source_body,
  paragraph: r.paragraph ?? "",
  addressee,
  theme: r.theme ?? "",
  text: r.text,
  recommendingState: r.recommending_state ?? "",
  response: r.response ?? "",
  session: r.session ?? "",
  issuedOn: r.issued_on ?? "",
  status: r.status,
  statusOn: r.status_on ?? "",
  followUps: followUps.map((f) => ({
    status: f.status,
    assessedOn: f.assessed_on,
    evidence: f.evidence ?? "",
  })),
});
export type PublicRecommendation = ReturnType<typeof presentRecommendation>;

/** The mandate's name in the reader's language (every page's frame says it). */
export const mandateName = (m: { name_en: string; name_ko: string | null }, lang: PortalLang) =>
  (lang === "ko" ? m.name_ko : null) ?? m.name_en;

/** The mandate as the about page shows it. */
export const presentMandate = (
  m: {
    code: string;
    name_en: string;
    name_ko: string | null;
    holder: string | null;
    about_en: string | null;
    about_ko: string | null;
  },
  lang: PortalLang,
) => ({
  code: m.code,
  name: mandateName(m, lang),
  holder: m.holder ?? "",
  aboutHtml: renderMarkdown(
    (lang === "ko" ? m.about_ko : m.about_en) ?? (lang === "ko" ? m.about_en : m.about_ko),
  ),
});
export type PublicMandate = ReturnType<typeof presentMandate>;
