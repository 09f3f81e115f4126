import type { Actor } from "../../platform/access/access.policies.js";
import type { Db } from "../../platform/db/database.js";
import { presentPublicCommunication } from "../communications/communications.presenters.js";
import { createPlacesRepository } from "../places/places.repository.js";
import { reportDocx } from "../reports/export/report-docx.js";
import { reportPdf } from "../reports/export/report-pdf.js";
import { buildReportDocument } from "../reports/report-document.builder.js";
import { parseBody } from "../reports/reports.usecases.js";
import { portalNotFound } from "./portal.errors.js";
import {
  mediaPath,
  presentMandate,
  presentRecommendation,
  presentRelease,
  presentReport,
  presentVisitLine,
} from "./portal.presenters.js";
import { createPortalRepository } from "./portal.repository.js";
import type { PortalLang } from "./portal-words.js";

/** Press releases per page of the list. */
export const releasesPerPage = 20;

/** The mandate the portal shows, and the version of the data its pages are made of. */
export async function openPortal(db: Db, code: string | undefined) {
  const repo = createPortalRepository({ db });
  const mandate = await repo.mandate(code);
  if (!mandate) throw portalNotFound();
  return { mandate, version: await repo.dataVersion(mandate.id) };
}
export type OpenPortal = Awaited<ReturnType<typeof openPortal>>;

async function countryNamer(db: Db, codes: (string | null)[], lang: PortalLang) {
  const names = await createPlacesRepository({ db }).countryNames([
    ...new Set(codes.filter((c): c is string => !!c)),
  ]);
  return (code: string | null) => {
    if (!code) return "";
    const n = names.get(code);
    return (lang === "ko" ? n?.ko : null) ?? n?.en ?? code;
  };
}

/** The home page: the latest of each kind of publication. */
export async function homeView(db: Db, mandateId: string, lang: PortalLang) {
  const repo = createPortalRepository({ db });
  const releases = await repo.pressReleases(mandateId, { limit: 5, offset: 0 });
  const reports = (await repo.reports(mandateId)).slice(0, 3);
  const communications = (await communicationsView(db, mandateId, lang, {})).items.slice(0, 5);
  return {
    releases: releases.map((r) => presentRelease(r, lang)),
    reports: reports.map(presentReport),
    communications,
  };
}

/** A page of press releases, optionally of one year. */
export async function releasesView(
  db: Db,
  mandateId: string,
  lang: PortalLang,
  o: { year?: number | undefined; page: number },
) {
  const repo = createPortalRepository({ db });
  const total = await repo.pressReleaseCount(mandateId, o.year);
  const pages = Math.max(1, Math.ceil(total / releasesPerPage));
  const rows = await repo.pressReleases(mandateId, {
    year: o.year,
    limit: releasesPerPage,
    offset: (Math.min(o.page, pages) - 1) * releasesPerPage,
  });
  return {
    items: rows.map((r) => presentRelease(r, lang)),
    years: await repo.pressReleaseYears(mandateId),
    page: Math.min(o.page, pages),
    pages,
    total,
  };
}

/** One published press release, or not found; its body shows its own images, from `/media/`. */
export async function releaseView(db: Db, mandateId: string, lang: PortalLang, slug: string) {
  const repo = createPortalRepository({ db });
  const row = await repo.pressRelease(mandateId, slug);
  if (!row) throw portalNotFound();
  const images = new Set(await repo.releaseImageIds(mandateId, row.id));
  return presentRelease(row, lang, { imageUrl: (id) => (images.has(id) ? mediaPath(id) : null) });
}

/** Published reports, newest first. */
export async function reportsView(db: Db, mandateId: string) {
  return (await createPortalRepository({ db }).reports(mandateId)).map(presentReport);
}

/**
 * Who renders a published report's public file: the mandate holder's view of it, as it was when the holder
 * published it after a clean publication check. Nothing is written; the file holds only what that check cleared.
 */
const publisherOf = (mandateId: string): Actor => ({
  userId: "portal",
  isAdmin: false,
  memberships: new Map([[mandateId, "mandate_holder"]]),
  scopes: new Set(["read"]),
  ip: null,
  userAgent: null,
});

/** The name a report's public file is saved under: its symbol (A-72-394.pdf). */
export const reportFileName = (r: { id: string; symbol: string | null }, format: string) =>
  `${(r.symbol || `report-${r.id.slice(-8)}`).replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}.${format}`;

/** A published report's public Word or PDF file. */
export async function reportFile(db: Db, mandateId: string, id: string, format: "docx" | "pdf") {
  return db.transaction().execute(async (trx) => {
    const row = await createPortalRepository({ db: trx }).report(mandateId, id);
    if (!row) throw portalNotFound();
    const doc = await buildReportDocument(trx, publisherOf(mandateId), row, parseBody(row.body), {
      public: true,
    });
    return {
      fileName: reportFileName(row, format),
      content: format === "docx" ? await reportDocx(doc) : await reportPdf(doc),
    };
  });
}

/** Published communications with the filters asked, and the values the filters offer. */
export async function communicationsView(
  db: Db,
  mandateId: string,
  lang: PortalLang,
  o: {
    year?: number | undefined;
    kind?: string | undefined;
    country?: string | undefined;
    q?: string | undefined;
  },
) {
  const repo = createPortalRepository({ db });
  const all = await repo.communications(mandateId, {});
  const rows = await repo.communications(mandateId, o);
  const replies = await repo.communicationRepliesOf(rows.map((r) => r.id));
  const name = await countryNamer(
    db,
    all.map((r) => r.addressee_country),
    lang,
  );
  const words = o.q?.trim().toLowerCase();
  const items = rows
    .map((r) => ({
      ...presentPublicCommunication(
        r,
        replies.filter((x) => x.communication_id === r.id),
      ),
      addresseeName: r.addressee_country ? name(r.addressee_country) : (r.addressee_name ?? ""),
    }))
    .filter(
      (c) => !words || `${c.reference} ${c.publicSummary} ${c.addresseeName}`.toLowerCase().includes(words),
    );
  const countries = [...new Set(all.map((r) => r.addressee_country).filter((c): c is string => !!c))]
    .map((code) => ({ code, name: name(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  const years = [...new Set(all.map((r) => Number(String(r.sent_on).slice(0, 4))))].sort((a, b) => b - a);
  return { items, countries, years };
}

/** The status of country visits: each public request with its visits, and missions made without a request. */
export async function visitsView(db: Db, mandateId: string, lang: PortalLang) {
  const repo = createPortalRepository({ db });
  const requests = await repo.visitRequests(mandateId);
  const visits = await repo.visits(mandateId);
  const name = await countryNamer(
    db,
    [...requests.map((r) => r.country), ...visits.map((v) => v.country)],
    lang,
  );
  const lines = requests.map((r) =>
    presentVisitLine(
      r,
      r.country,
      name(r.country),
      visits.filter((v) => v.visit_request_id === r.id),
    ),
  );
  const known = new Set(requests.map((r) => r.id));
  const without = visits.filter((v) => !v.visit_request_id || !known.has(v.visit_request_id));
  for (const v of without) lines.push(presentVisitLine(null, v.country, name(v.country), [v]));
  return lines.sort((a, b) => a.countryName.localeCompare(b.countryName, lang));
}

/** Public recommendations with their follow-up, filtered by implementation status and by who made them. */
export async function recommendationsView(
  db: Db,
  mandateId: string,
  lang: PortalLang,
  o: { status?: string | undefined; body?: string | undefined },
) {
  const repo = createPortalRepository({ db });
  const rows = await repo.recommendations(mandateId, o);
  const followUps = await repo.followUpsOf(rows.map((r) => r.id));
  const name = await countryNamer(
    db,
    rows.map((r) => r.addressee_country),
    lang,
  );
  return rows.map((r) =>
    presentRecommendation(
      r,
      r.addressee_country ? name(r.addressee_country) : (r.addressee_name ?? r.addressee_kind),
      followUps.filter((f) => f.recommendation_id === r.id),
    ),
  );
}

/** The mandate as the about page and every page's frame show it. */
export const mandateView = (mandate: OpenPortal["mandate"], lang: PortalLang) =>
  presentMandate(mandate, lang);

/** Every published press release (for feeds and the sitemap), newest first. */
export async function allReleases(db: Db, mandateId: string) {
  return createPortalRepository({ db }).pressReleases(mandateId, { limit: 10_000, offset: 0 });
}
