import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { idParams } from "../../platform/records/records.routes.js";
import { getRecord } from "../../platform/records/records.usecases.js";
import { listPressReleaseImages } from "../press-releases/press-release-images.usecases.js";
import { recordSpecs } from "../record-specs.js";
import { mandateName, presentRelease } from "./portal.presenters.js";
import { openPortal } from "./portal.usecases.js";
import { renderPortalPage } from "./portal-page.js";
import { ReleasePage } from "./portal-press.page.js";

const text = (v: unknown) => (typeof v === "string" ? v : null);

/**
 * The staff preview of a press release: the page exactly as the portal will show it, with a banner, for anyone who
 * may read the release (the same not-found answer otherwise). Never cached, never indexed.
 */
export function registerPressReleasePreview(app: FastifyInstance, deps: AppDeps) {
  const spec = recordSpecs.all.find((s) => s.plural === "press-releases");
  if (!spec) return;
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/press-releases/:id/preview",
    {
      schema: {
        tags: ["press-releases"],
        summary: "The release as the portal will show it (HTML), in one language, with a preview banner",
        params: idParams,
        querystring: z.strictObject({ lang: z.enum(["en", "ko"]).optional() }),
        produces: ["text/html"],
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const record = await getRecord({ db: deps.db, actor, spec, id: req.params.id });
      // Its images at their staff address: the release is not public yet, so /media would not show them.
      const images = await listPressReleaseImages({ db: deps.db, actor, id: record.id });
      const imageUrl = (id: string) => images.find((i) => i.id === id)?.url ?? null;
      const lang = req.query.lang ?? "en";
      const portal = await openPortal(deps.db, deps.config.portalMandate);
      const r = presentRelease(
        {
          slug: String(record.slug ?? ""),
          location: text(record.location),
          published_at: text(record.publishedAt) ?? text(record.publishAt),
          updated_at: String(record.updatedAt ?? ""),
          title_en: text(record.titleEn),
          title_ko: text(record.titleKo),
          summary_en: text(record.summaryEn),
          summary_ko: text(record.summaryKo),
          body_en: text(record.bodyEn),
          body_ko: text(record.bodyKo),
        },
        lang,
        { imageUrl },
      );
      const page = renderPortalPage(
        {
          lang,
          mandateName: mandateName(portal.mandate, lang),
          path: `/press-releases/${encodeURIComponent(r.slug)}`,
          title: r.title,
          description: r.summary || undefined,
          languages: r.languages,
          section: "pressReleases",
          ogType: "article",
          publicUrl: deps.config.publicUrl,
          preview: true,
        },
        <ReleasePage lang={lang} r={r} />,
      );
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "private, no-store")
        .header("x-robots-tag", "noindex")
        .send(page);
    },
  );
}
