import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/http/deps.js";
import { implementationStatuses, sourceBodies } from "../recommendations/recommendations.schemas.js";
import { presentMandate, releaseLanguages, releasePath } from "./portal.presenters.js";
import {
  allReleases,
  communicationsView,
  feedReleases,
  homeView,
  portalDataVersion,
  portalMandate,
  publishedReport,
  recommendationsView,
  releasesView,
  releaseView,
  reportFile,
  reportFileName,
  reportsView,
  visitsView,
} from "./portal.usecases.js";
import { sendCached } from "./portal-cache.js";
import { CommunicationsPage } from "./portal-communications.page.js";
import { absoluteUrl, pressReleaseFeed, robotsTxt, type SitemapEntry, sitemapXml } from "./portal-feeds.js";
import { portalHandler } from "./portal-handler.js";
import { HomePage } from "./portal-home.page.js";
import { menuPath } from "./portal-page.js";
import { ReleasePage, ReleasesPage, releaseShell } from "./portal-press.page.js";
import { AboutPage, RecommendationsPage, ReportsPage, VisitsPage } from "./portal-sections.page.js";
import { frameWords, portalLangs } from "./portal-words.js";

type Query = Record<string, string | undefined>;
const hidden = { schema: { hide: true } };

/** Filter values from the address: anything malformed is ignored, as a list with no filter. */
const yearOf = (v: string | undefined) => (v && /^\d{4}$/.test(v) ? Number(v) : undefined);
const pageOf = (v: string | undefined) => (v && /^\d{1,5}$/.test(v) && Number(v) > 0 ? Number(v) : 1);
const oneOf = (v: string | undefined, allowed: readonly string[]) =>
  v && allowed.includes(v) ? v : undefined;
const textOf = (v: string | undefined) => (typeof v === "string" ? v.slice(0, 200) : undefined);

/** Every public page, in each language. */
export function registerPortalPages(app: FastifyInstance, deps: AppDeps) {
  const db = deps.readDb;
  for (const lang of portalLangs) {
    const w = frameWords[lang];
    const on = (path: string, handler: Parameters<typeof portalHandler>[2]) =>
      app.get(`/${lang}${path}`, hidden, portalHandler(deps, lang, handler));

    on("/", (_req, _reply, p) =>
      p.page({ path: "/", title: p.name, section: "home" }, async () => (
        <HomePage lang={lang} name={p.name} view={await homeView(db, p.mandate.id, lang)} />
      )),
    );

    on("/press-releases", (req, _reply, p) => {
      const q = req.query as Query;
      const year = yearOf(q.year);
      return p.page(
        { path: "/press-releases", title: w.pressReleases, section: "pressReleases" },
        async () => (
          <ReleasesPage
            lang={lang}
            title={w.pressReleases}
            year={year}
            view={await releasesView(db, p.mandate.id, lang, { year, page: pageOf(q.page) })}
          />
        ),
      );
    });

    for (const format of ["rss", "atom"] as const)
      on(`/press-releases/feed.${format}`, async (req, reply, p) => {
        const version = await p.version();
        return sendCached(req, reply, {
          version,
          contentType:
            format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8",
          render: async () =>
            pressReleaseFeed({
              releases: await feedReleases(db, p.mandate.id, lang, (path) => absoluteUrl(p.publicUrl, path)),
              lang,
              format,
              mandateName: p.name,
              publicUrl: p.publicUrl,
              latest: version.latest,
            }),
        });
      });

    on("/press-releases/:slug", async (req, _reply, p) => {
      const { slug } = req.params as { slug: string };
      const r = await releaseView(db, p.mandate.id, lang, slug);
      return p.page(releaseShell(r), () => <ReleasePage lang={lang} r={r} />);
    });

    on("/reports", (_req, _reply, p) =>
      p.page({ path: "/reports", title: w.reports, section: "reports" }, async () => (
        <ReportsPage lang={lang} title={w.reports} reports={await reportsView(db, p.mandate.id)} />
      )),
    );

    for (const format of ["docx", "pdf"] as const)
      on(`/reports/:id/report.${format}`, async (req, reply, p) => {
        const { id } = req.params as { id: string };
        const report = await publishedReport(db, p.mandate.id, id);
        return sendCached(req, reply, {
          version: await p.version(),
          contentType:
            format === "pdf"
              ? "application/pdf"
              : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          render: async () => (await reportFile(db, p.mandate.id, id, format)).content,
          download: reportFileName(report, format),
        });
      });

    on("/communications", (req, _reply, p) => {
      const q = req.query as Query;
      const filters = {
        year: yearOf(q.year),
        kind: oneOf(q.type, ["AL", "UA", "OL"]),
        country: q.addressee && /^[A-Z]{3}$/.test(q.addressee) ? q.addressee : undefined,
        q: textOf(q.q),
      };
      return p.page(
        { path: "/communications", title: w.communications, section: "communications" },
        async () => (
          <CommunicationsPage
            lang={lang}
            title={w.communications}
            filters={filters}
            view={await communicationsView(db, p.mandate.id, lang, filters)}
          />
        ),
      );
    });

    on("/visits", (_req, _reply, p) =>
      p.page({ path: "/visits", title: w.visits, section: "visits" }, async () => (
        <VisitsPage lang={lang} title={w.visits} lines={await visitsView(db, p.mandate.id, lang)} />
      )),
    );

    on("/recommendations", (req, _reply, p) => {
      const q = req.query as Query;
      const filters = { status: oneOf(q.status, implementationStatuses), body: oneOf(q.body, sourceBodies) };
      return p.page(
        { path: "/recommendations", title: w.recommendations, section: "recommendations" },
        async () => (
          <RecommendationsPage
            lang={lang}
            title={w.recommendations}
            filters={filters}
            items={await recommendationsView(db, p.mandate.id, lang, filters)}
          />
        ),
      );
    });

    on("/about", (_req, _reply, p) =>
      p.page({ path: "/about", title: w.about, section: "about" }, () => (
        <AboutPage lang={lang} title={w.about} mandate={presentMandate(p.mandate, lang)} />
      )),
    );
  }

  app.get("/robots.txt", hidden, async (_req, reply) =>
    reply
      .type("text/plain; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(robotsTxt(deps.config.publicUrl)),
  );

  app.get("/sitemap.xml", hidden, async (req, reply) => {
    const mandate = await portalMandate(db, deps.config.portalMandate);
    const version = await portalDataVersion(db, mandate.id);
    return sendCached(req, reply, {
      version,
      contentType: "application/xml; charset=utf-8",
      render: async () => {
        const both = portalLangs;
        const entries: SitemapEntry[] = [
          ...Object.values(menuPath).map((path) => ({
            path,
            languages: both,
            lastmod: version.latest || undefined,
          })),
          ...(await allReleases(db, mandate.id)).map((r) => ({
            path: releasePath(r.slug),
            languages: releaseLanguages(r),
            lastmod: r.updated_at,
          })),
          ...(await reportsView(db, mandate.id)).flatMap((r) => [
            { path: r.files.docx, languages: both, lastmod: r.publishedOn || undefined },
            { path: r.files.pdf, languages: both, lastmod: r.publishedOn || undefined },
          ]),
        ];
        return sitemapXml(deps.config.publicUrl, entries);
      },
    });
  });
}
