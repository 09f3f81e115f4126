import type { Actor } from "../../platform/access/access.policies.js";
import type { Db } from "../../platform/db/database.js";
import { presentPublicCommunication } from "../communications/communications.presenters.js";
import { createCommunicationsRepository } from "../communications/communications.repository.js";
import { countryNamer } from "../places/places.usecases.js";
import { reportDocx } from "../reports/export/report-docx.js";
import { reportPdf } from "../reports/export/report-pdf.js";
import { buildReportDocument } from "../reports/report-document.builder.js";
import { parseBody } from "../reports/reports.usecases.js";
import { portalNotFound } from "./portal.errors.js";
import {
  mediaPath,
  presentRecommendation,
  presentRelease,
  presentReport,
  presentVisitLine,
} from "./portal.presenters.js";
import { createPortalRepository, type PortalRepository } from "./portal.repository.js";
import type { PortalLang } from "./portal-words.js";

/** Press releases per page of the list. */
const releasesPerPage = 20;

/** The mandate the portal shows, or the portal's not found. */
export async function portalMandate(db: Db, code: string | undefined) {
  const mandate = await createPortalRepository({ db }).mandate(code);
  if (!mandate) throw portalNotFound();
  return mandate;
}
export type PortalMandate = Awaited<ReturnType<typeof portalMandate>>;

/** The version of the data the mandate's pages are made of (see the repository's `dataVersion`). */
export const portalDataVersion = (db: Db, mandateId: string) =>
  createPortalRepository({ db }).dataVersion(mandateId);
export type PortalDataVersion = Awaited<ReturnType<typeof portalDataVersion>>;

/** The home page: the latest of each kind of publication. */
export async function homeView(db: Db, mandateId: string, lang: PortalLang) {
  const repo = createPortalRepository({ db });
  const releases = await repo.pressReleases(mandateId, { limit: 5, offset: 0 });
  const reports = await repo.reports(mandateId, { limit: 3 });
  const communications = await repo.communications(mandateId, { limit: 5 });
  return {
    releases: releases.map((r) => presentRelease(r, lang)),
    reports: reports.map(presentReport),
    communications: await presentCommunications(db, communications, lang),
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

/** What names a published report's files (its id and symbol), or not found. */
export async function publishedReport(db: Db, mandateId: string, id: string) {
  const row = await createPortalRepository({ db }).reportSymbol(mandateId, id);
  if (!row) throw portalNotFound();
  return row;
}

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

type CommunicationRow = Awaited<ReturnType<PortalRepository["communications"]>>[number];
type CommunicationsRepository = ReturnType<typeof createCommunicationsRepository>;

/**
 * Published communications as the public sees them, with their replies and the addressee's name (`name` when the
 * caller has read the countries' names already).
 */
async function presentCommunications(
  db: Db,
  rows: readonly CommunicationRow[],
  lang: PortalLang,
  name?: (code: string) => string,
) {
  const replies = new Map<string, Awaited<ReturnType<CommunicationsRepository["repliesOf"]>>>();
  for (const x of await createCommunicationsRepository({ db }).repliesOf(rows.map((r) => r.id))) {
    const of = replies.get(x.communication_id);
    if (of) of.push(x);
    else replies.set(x.communication_id, [x]);
  }
  const countryName =
    name ??
    (await countryNamer(
      db,
      rows.map((r) => r.addressee_country),
      lang,
    ));
  return rows.map((r) => ({
    ...presentPublicCommunication(r, replies.get(r.id) ?? []),
    addresseeName: r.addressee_country ? countryName(r.addressee_country) : (r.addressee_name ?? ""),
  }));
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
  const all = await createPortalRepository({ db }).communications(mandateId);
  const rows = all.filter(
    (r) =>
      (!o.year || Number(r.reference_year) === o.year) &&
      (!o.kind || r.kind === o.kind || r.kind === `J${o.kind}`) &&
      (!o.country || r.addressee_country === o.country),
  );
  const name = await countryNamer(
    db,
    all.map((r) => r.addressee_country),
    lang,
  );
  const words = o.q?.trim().toLowerCase();
  const items = (await presentCommunications(db, rows, lang, name)).filter(
    (c) => !words || `${c.reference} ${c.publicSummary} ${c.addresseeName}`.toLowerCase().includes(words),
  );
  const countries = [...new Set(all.map((r) => r.addressee_country).filter((c): c is string => !!c))]
    .map((code) => ({ code, name: name(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  // The year a communication is filed under is its reference's (UA CHN 3/2017), the one the filter compares.
  const years = [
    ...new Set(all.flatMap((r) => (r.reference_year === null ? [] : [Number(r.reference_year)]))),
  ].sort((a, b) => b - a);
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

/** Every published press release (for the sitemap), newest first. */
export async function allReleases(db: Db, mandateId: string) {
  return createPortalRepository({ db }).pressReleases(mandateId, { limit: 10_000, offset: 0 });
}

/** Items of a press-release feed: the latest releases. */
const feedLength = 50;

/**
 * The latest releases written in one language, presented with their sanitised bodies for a feed; an image a body
 * shows gets its absolute public address (`absolute`), since a feed is read away from the portal.
 */
export async function feedReleases(
  db: Db,
  mandateId: string,
  lang: PortalLang,
  absolute: (path: string) => string,
) {
  const repo = createPortalRepository({ db });
  const rows = await repo.feedReleases(mandateId, lang, feedLength);
  const images = await repo.releasesImageIds(
    mandateId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const own = new Set(images.filter((i) => i.release_id === row.id).map((i) => i.id));
    return presentRelease(row, lang, { imageUrl: (id) => (own.has(id) ? absolute(mediaPath(id)) : null) });
  });
}
