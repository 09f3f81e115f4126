import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, type RouteOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { registerAnalyticsRoutes } from "./modules/analytics/analytics.routes.js";
import { registerAttachmentRoutes } from "./modules/attachments/attachments.routes.js";
import { registerAuditRoutes } from "./modules/audit/audit.routes.js";
import { registerAuthRoutes } from "./modules/auth/auth.routes.js";
import { registerPasskeyRoutes } from "./modules/auth/passkeys.routes.js";
import { registerSecondFactorRoutes } from "./modules/auth/second-factor.routes.js";
import { registerSessionRoutes } from "./modules/auth/sessions.routes.js";
import { registerCaseRoutes } from "./modules/cases/cases.routes.js";
import { registerCommunicationRoutes } from "./modules/communications/communications.routes.js";
import { registerImportRoutes } from "./modules/imports/imports.routes.js";
import { registerMailingRoutes } from "./modules/mailing/mailing.routes.js";
import { registerMandateRoutes } from "./modules/mandates/mandates.routes.js";
import { registerNotificationRoutes } from "./modules/notifications/notifications.routes.js";
import { registerPersonRoutes } from "./modules/persons/persons.routes.js";
import { registerPortalRoutes } from "./modules/portal/portal.routes.js";
import { portalCss } from "./modules/portal/portal-assets.js";
import { registerPressReleaseRoutes } from "./modules/press-releases/press-releases.routes.js";
import { registerRecommendationRoutes } from "./modules/recommendations/recommendations.routes.js";
import { recordSpecs } from "./modules/record-specs.js";
import { registerRecordTypeRoutes } from "./modules/record-types/record-types.routes.js";
import { registerReportRoutes } from "./modules/reports/reports.routes.js";
import { registerSearchRoutes } from "./modules/search/search.routes.js";
import { registerStaffApp } from "./modules/staff-app/staff-app.routes.js";
import { registerUserRoutes } from "./modules/users/users.routes.js";
import { registerVisitRoutes } from "./modules/visits/visits.routes.js";
import { registerVocabularyRoutes } from "./modules/vocabularies/vocabularies.routes.js";
import { validationFailed } from "./platform/errors/app-error.js";
import { registerCaller } from "./platform/http/caller.plugin.js";
import type { AppDeps } from "./platform/http/deps.js";
import { errorBody, handleError } from "./platform/http/error-handler.js";
import { registerRateLimits } from "./platform/http/rate-limits.js";
import { registerSecurityHeaders, securityHeaders } from "./platform/http/security-headers.js";
import { nulCharacterProblems } from "./platform/http/validation-errors.js";
import { pickLocale } from "./platform/i18n/messages.js";
import { registerRecordRoutes } from "./platform/records/records.routes.js";

export const apiVersion = "0.1.0";

/**
 * Builds the HTTP application on its dependencies; nothing listens until the caller says so.
 * `onRoute` sees every route as it registers (tests compare them with the OpenAPI document).
 * @example const app = await buildApp(deps); await app.listen({ port: 8080 });
 */
export async function buildApp(
  deps: AppDeps,
  options: { logger?: boolean; onRoute?: (route: RouteOptions) => void } = {},
): Promise<FastifyInstance> {
  const secureHeaders = securityHeaders({ publicUrl: deps.config.publicUrl, inlineStyles: [portalCss] });
  const app = Fastify({
    logger: options.logger
      ? {
          level: deps.config.logLevel,
          // Requests are logged by method and path only: never bodies, cookies or tokens.
          redact: ["req.headers.authorization", "req.headers.cookie", "req.headers['x-csrf-token']"],
          // The path without its query: a query may hold a signed link's token or the words of a search.
          serializers: {
            req: (req: { method: string; url: string; ip?: string }) => ({
              method: req.method,
              url: req.url.split("?")[0],
              remoteAddress: req.ip,
            }),
          },
        }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy:
      deps.config.trustProxy === "false" ? false : deps.config.trustProxy.split(",").map((p) => p.trim()),
    routerOptions: { maxParamLength: 200 },
    // Malformed escapes and over-long ids in the path answer in the one error shape too.
    frameworkErrors: (err, req, reply) => {
      secureHeaders(req, reply);
      return handleError(err, req, reply);
    },
  });
  if (options.onRoute) app.addHook("onRoute", options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // JSON only: a text/plain body is refused with 415, not parsed into a string (raw uploads have their own parser).
  app.removeContentTypeParser("text/plain");
  app.addHook("preValidation", async (req) => {
    const problems = nulCharacterProblems([req.params, req.query, req.body]);
    if (Object.keys(problems).length) throw validationFailed({}, problems);
  });
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .send(errorBody(pickLocale(req.headers["accept-language"]), "request.route_not_found", {}, {})),
  );

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Rapporteur API",
        version: apiVersion,
        description: "Documentation, action, reporting and publication for human-rights monitoring mandates.",
        license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "rapporteur_session" },
          token: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerSecurityHeaders(app, secureHeaders);
  await registerRateLimits(app, deps.config);
  registerCaller(app, deps);

  app.get("/healthz", { schema: { hide: true } }, async () => ({
    status: "ok",
    database: deps.dialect,
    version: apiVersion,
  }));
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  registerAuthRoutes(app, deps);
  registerSessionRoutes(app, deps);
  registerSecondFactorRoutes(app, deps);
  registerPasskeyRoutes(app, deps);
  registerMandateRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerPersonRoutes(app, deps);
  for (const spec of recordSpecs.generic) registerRecordRoutes(app, deps, spec);
  registerAttachmentRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerCommunicationRoutes(app, deps);
  registerVisitRoutes(app, deps);
  registerRecommendationRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerPressReleaseRoutes(app, deps);
  registerMailingRoutes(app, deps);
  registerVocabularyRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerAnalyticsRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerRecordTypeRoutes(app);
  registerPortalRoutes(app, deps);
  await registerStaffApp(app);
  return app;
}
