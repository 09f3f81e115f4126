import type { LightMyRequestResponse } from "fastify";
import { messageCodes } from "../../src/server/platform/i18n/messages.js";
import type { FuzzRequest } from "./fuzz-requests.js";
import type { FuzzWorld } from "./fuzz-world.js";

/** What must never reach a client in an error: stack frames, source paths, driver codes, SQL. */
const leaks =
  /\n\s+at |\bat [\w.<>]+ \(|node_modules|\/src\/server|\.[jt]s:\d+|SQLITE_|sqlite3|syntax error|\bselect\b.+\bfrom\b|insert into|\bupdate\b.+\bset\b|violates|relation "|kysely|ZodError|FST_/i;
const notFoundCode = /^[a-z][a-z-]*\.not_found$/;
const knownCodes = new Set(messageCodes.en);

/** A problem found in one answer, with a key that groups the same defect across requests. */
export interface Problem {
  key: string;
  detail: string;
}

const plainRecordRead = (req: FuzzRequest) =>
  req.operation.method === "GET" &&
  /^\/api\/v1\/[\w-]+\/\{id\}$/.test(req.operation.path) &&
  !req.url.includes("?");

/**
 * Everything wrong with one answer: a 5xx, a write without its CSRF token that succeeded, an error not of the one
 * error shape, internals in an error, a canary the caller may not read, or any answer but 404 (2xx, 403) about a
 * record of a mandate or level the caller may not read.
 */
export function problemsOf(world: FuzzWorld, req: FuzzRequest, res: LightMyRequestResponse): Problem[] {
  const out: Problem[] = [];
  const route = `${req.operation.method} ${req.operation.path}`;
  const say = (kind: string, what: string) =>
    out.push({
      key: `${kind} ${route}`,
      detail: `${req.role} ${req.operation.method} ${req.url.slice(0, 200)} → ${res.statusCode}: ${what} ${res.body.slice(0, 300)}`,
    });
  const body = res.body;
  if (res.statusCode >= 500) say("5xx", "server error");
  if (req.forgedCsrf && res.statusCode < 300) say("csrf", "a write without its CSRF token succeeded");
  const headerText = JSON.stringify(res.headers);
  for (const c of world.canaries)
    if (!c.seenBy.has(req.role) && (body.includes(c.text) || headerText.includes(c.text)))
      say("canary", `leaks ${c.text} to ${req.role}`);
  const hidden = req.pathRecord && !req.pathRecord.seenBy.has(req.role);
  if (hidden && res.statusCode < 300) say("hidden-2xx", "answers about a record the caller may not read");
  // On the record's own routes, a caller who may not read it learns nothing more than "no such record".
  const ownRoute = req.pathRecord && req.operation.path.startsWith(`/api/v1/${req.pathRecord.plural}/{`);
  if (hidden && ownRoute && res.statusCode === 403 && req.operation.method === "GET")
    say("hidden-403", "403 tells the record exists");
  if (hidden && ownRoute && req.role !== "anonymous" && plainRecordRead(req) && res.statusCode !== 404)
    say("hidden-not-404", "expected 404");
  if (res.statusCode < 400) return out;
  if (leaks.test(body)) say("leak", "internals in an error");
  if (!String(res.headers["content-type"] ?? "").startsWith("application/json")) {
    say("shape", "error is not JSON");
    return out;
  }
  let parsed: { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    say("shape", "error is not valid JSON");
    return out;
  }
  const error = parsed?.error;
  if (!parsed || Object.keys(parsed).join() !== "error" || !error) {
    say("shape", "not the error shape");
    return out;
  }
  if (Object.keys(error).sort().join() !== "code,fields,message")
    say("shape", "error keys are not code, message, fields");
  const code = String(error.code);
  if (!knownCodes.has(code) && !notFoundCode.test(code)) say("code", `unstable code ${code}`);
  if (typeof error.message !== "string" || !error.message || error.message === code)
    say("message", "no message");
  if (typeof error.fields !== "object" || error.fields === null || Array.isArray(error.fields))
    say("shape", "fields is not an object");
  return out;
}
