import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

const withZod = (scope: FastifyInstance) => scope.withTypeProvider<ZodTypeProvider>();
/** A scope whose routes take their file as the raw body; their parameters are still checked by zod. */
export type RawUploadScope = ReturnType<typeof withZod>;

/**
 * Registers routes that take a file as the raw body, in a scope of their own, so no other route accepts arbitrary
 * content types: any declared type is read as bytes, up to `bodyLimit`. The built-in JSON and text parsers are
 * dropped there, since they would decode text/plain as UTF-8 and alter bytes in any other encoding. Each route names
 * the same `bodyLimit` in its own options too, where Fastify (and the list of routes the tests read) takes it from.
 * @example registerRawUpload(app, maxImageBytes, (scope) => scope.post("/api/v1/…/images", { bodyLimit: maxImageBytes, … }, handler));
 */
export function registerRawUpload(
  app: FastifyInstance,
  bodyLimit: number,
  routes: (scope: RawUploadScope) => void,
) {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit }, (_req, body, done) => done(null, body));
    routes(withZod(scope));
  });
}
