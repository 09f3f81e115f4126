import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/http/deps.js";
import { pickLocale } from "../../platform/i18n/messages.js";
import { createBlobStore } from "../../platform/storage/blob-store.js";
import { type PortalRequest, portalHandler } from "./portal-handler.js";
import { publicImage } from "./portal-media.usecases.js";

// Not immutable: a release withdrawn (for a witness's safety, say) must take its images with it within minutes;
// the ETag makes revalidation cheap.
const mediaCacheControl = "public, max-age=300, must-revalidate";

/**
 * `/media/{id}`: the images of published press releases, as their pages show them. Anything not public is the
 * portal's not-found page, in the reader's language.
 */
export function registerPortalMedia(app: FastifyInstance, deps: AppDeps) {
  const blobs = createBlobStore(deps.config.dataDir);
  const serve = async (req: FastifyRequest, reply: FastifyReply, p: PortalRequest) => {
    const image = await publicImage({
      db: deps.readDb,
      blobs,
      mandateId: p.mandate.id,
      id: (req.params as { id: string }).id,
      ifNoneMatch: req.headers["if-none-match"],
    });
    reply
      .header("etag", image.etag)
      .header("cache-control", mediaCacheControl)
      .header("x-content-type-options", "nosniff");
    if (!image.content) return reply.code(304).send();
    return reply.type(image.mimeType).header("content-disposition", "inline").send(image.content);
  };
  const handlers = { en: portalHandler(deps, "en", serve), ko: portalHandler(deps, "ko", serve) };
  app.get("/media/:id", { schema: { hide: true } }, (req, reply) =>
    handlers[pickLocale(req.headers["accept-language"])](req, reply),
  );
}
