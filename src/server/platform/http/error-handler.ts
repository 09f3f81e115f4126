import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type FieldProblem } from "../errors/app-error.js";
import { storageErrorFrom } from "../errors/storage-errors.js";
import { type Locale, pickLocale, translate } from "../i18n/messages.js";
import { fieldProblemsFrom } from "./validation-errors.js";

const fastifyCodes: Record<string, [string, number]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ["request.invalid_json", 400],
  FST_ERR_CTP_EMPTY_JSON_BODY: ["request.invalid_json", 400],
  FST_ERR_CTP_BODY_TOO_LARGE: ["request.too_large", 413],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ["request.unsupported_media_type", 415],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ["request.too_large", 413],
  FST_ERR_BAD_URL: ["request.invalid_url", 400],
  FST_ERR_MAX_PARAM_LENGTH: ["request.url_too_long", 414],
};

/** The one error body of the API: `{ error: { code, message, fields } }`, in the caller's language. */
export function errorBody(
  locale: Locale,
  code: string,
  params: Record<string, string | number>,
  fields: Record<string, FieldProblem>,
) {
  const suffix = code.includes(".") ? code.slice(code.indexOf(".") + 1) : code;
  const direct = translate(locale, code, params);
  // `persons.not_found` reads as the generic `records.not_found` unless it has its own message.
  const message = direct === code ? translate(locale, `records.${suffix}`, params) : direct;
  const renderedFields: Record<string, { code: string; message: string }> = {};
  for (const [name, p] of Object.entries(fields))
    renderedFields[name] = { code: p.code, message: translate(locale, p.code, p.params) };
  return { error: { code, message, fields: renderedFields } };
}

/** Maps every error to a stable code and a status; nothing internal (stack, SQL, values) reaches the client. */
export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const locale = pickLocale(req.headers["accept-language"]);
  if (err instanceof AppError) {
    if (err.status === 429 && err.params.seconds) reply.header("retry-after", String(err.params.seconds));
    return reply.status(err.status).send(errorBody(locale, err.code, err.params, err.fields));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    return reply
      .status(400)
      .send(errorBody(locale, "request.validation_failed", {}, fieldProblemsFrom(err.validation)));
  }
  const known = err.code ? fastifyCodes[err.code] : undefined;
  if (known) return reply.status(known[1]).send(errorBody(locale, known[0], {}, {}));
  const dbCode = String((err as { code?: unknown }).code ?? "");
  if (
    dbCode === "SQLITE_CONSTRAINT_UNIQUE" ||
    dbCode === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    dbCode === "23505"
  ) {
    return reply.status(409).send(errorBody(locale, "records.duplicate", { field: "code" }, {}));
  }
  if (dbCode === "SQLITE_CONSTRAINT_FOREIGNKEY" || dbCode === "23503") {
    return reply.status(400).send(errorBody(locale, "request.validation_failed", {}, {}));
  }
  // A full disk or a read-only store: the transaction has rolled back, so the client is told nothing was kept.
  const storage = storageErrorFrom(err);
  if (storage) {
    req.log.error({ code: dbCode, as: storage.code }, "storage refused a write");
    return reply.status(storage.status).send(errorBody(locale, storage.code, {}, {}));
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return reply.status(err.statusCode).send(errorBody(locale, "request.validation_failed", {}, {}));
  }
  req.log.error({ err: { message: err.message, code: err.code, stack: err.stack } }, "unhandled error");
  return reply.status(500).send(errorBody(locale, "internal", {}, {}));
}
