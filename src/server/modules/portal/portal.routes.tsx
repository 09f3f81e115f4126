import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/http/deps.js";
import { pickLocale } from "../../platform/i18n/messages.js";
import { registerPortalMedia } from "./portal-media.routes.js";
import { registerPortalPages } from "./portal-pages.routes.js";
import { registerPressReleasePreview } from "./portal-preview.routes.js";
import { portalLangs } from "./portal-words.js";

/** The public portal: home, press releases (and their images), reports, communications, visits, recommendations, about, feeds. */
export function registerPortalRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get("/", { schema: { hide: true } }, async (req, reply) =>
    reply
      .code(302)
      .header("vary", "Accept-Language")
      .header("cache-control", "public, max-age=300")
      .redirect(`/${pickLocale(req.headers["accept-language"])}/`, 302),
  );
  for (const lang of portalLangs) {
    app.get(`/${lang}`, { schema: { hide: true } }, async (_req, reply) => reply.redirect(`/${lang}/`, 301));
  }
  registerPortalPages(app, deps);
  registerPortalMedia(app, deps);
  registerPressReleasePreview(app, deps);
}
