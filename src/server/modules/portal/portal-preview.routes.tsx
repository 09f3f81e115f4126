import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/http/caller.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { pageCsp } from "../../platform/http/security-headers.js";
import { idParams } from "../../platform/records/records.routes.js";
import { getRecord } from "../../platform/records/records.usecases.js";
import { listPressReleaseImages } from "../press-releases/press-release-images.usecases.js";
import { pressReleaseNotFound } from "../press-releases/press-releases.errors.js";
import { createPressReleasesRepository } from "../press-releases/press-releases.repository.js";
import { recordSpecs } from "../record-specs.js";
import { mandateName, presentRelease } from "./portal.presenters.js";
import { portalMandate } from "./portal.usecases.js";
import { portalCss } from "./portal-assets.js";
import { html } from "./portal-handler.js";
import { renderPortalPage } from "./portal-page.js";
import { ReleasePage, releaseShell } from "./portal-press.page.js";

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
      // The record engine decides who may read the release; the page is made from its row, as the portal's are.
      const record = await getRecord({ db: deps.db, actor, spec, id: req.params.id });
      const row = await createPressReleasesRepository({ db: deps.db }).find(record.id);
      if (!row) throw pressReleaseNotFound();
      // Its images at their staff address: the release is not public yet, so /media would not show them.
      const images = await listPressReleaseImages({ db: deps.db, actor, id: record.id });
      const imageUrl = (id: string) => images.find((i) => i.id === id)?.url ?? null;
      const lang = req.query.lang ?? "en";
      const mandate = await portalMandate(deps.db, deps.config.portalMandate);
      const r = presentRelease({ ...row, published_at: row.published_at ?? row.publish_at }, lang, {
        imageUrl,
      });
      const page = renderPortalPage(
        {
          ...releaseShell(r),
          lang,
          mandateName: mandateName(mandate, lang),
          publicUrl: deps.config.publicUrl,
          preview: true,
        },
        <ReleasePage lang={lang} r={r} />,
      );
      return (
        reply
          .type(html)
          .header("cache-control", "private, no-store")
          .header("x-robots-tag", "noindex")
          // Shown inside the staff application's editor: framed by this origin only.
          .header("content-security-policy", pageCsp([portalCss], "'self'"))
          .header("x-frame-options", "SAMEORIGIN")
          .send(page)
      );
    },
  );
}
