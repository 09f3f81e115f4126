import fc from "fast-check";
import { type JsonSchema, sampleOf } from "../support/routes.js";
import { type FuzzRole, type FuzzWorld, fuzzRoles, type KnownRecord } from "./fuzz-world.js";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type Schema = JsonSchema & { maxLength?: number; maximum?: number; maxItems?: number };

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
/** One operation of the OpenAPI document, as the fuzzer needs it. */
export interface Operation {
  method: Method;
  /** `/api/v1/events/{id}` */
  path: string;
  params: Parameter[];
  body: Schema | undefined;
}

/** One generated request: who sends it, what, and which known record its path names (if any). */
export interface FuzzRequest {
  role: FuzzRole;
  operation: Operation;
  url: string;
  headers: Record<string, string>;
  payload: string | Buffer | undefined;
  pathRecord: KnownRecord | undefined;
  /** A signed-in write sent with an empty or wrong CSRF token: it must never succeed. */
  forgedCsrf: boolean;
}

/** Routes whose body is the raw bytes of a file, not JSON (their body is not in the OpenAPI document). */
const rawBodyRoutes = new Set([
  "POST /api/v1/attachments",
  "POST /api/v1/imports/preview",
  "POST /api/v1/press-releases/{id}/images",
]);
/** Ends the caller's session: sent anonymously only, so the roles keep theirs. */
const sessionEnding = new Set(["POST /api/v1/auth/logout"]);

/** The operations of the OpenAPI document the app serves. */
export function operationsOf(doc: {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase() as Method;
      if (!["GET", "POST", "PATCH", "PUT", "DELETE"].includes(method)) continue;
      const body = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
        ?.content?.["application/json"]?.schema;
      out.push({ method, path, params: op.parameters ?? [], body });
    }
  return out;
}

const nasty: string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uFEFF",
  "𝕏😀👩‍👩‍👧",
  "한국어 조선말",
  "ملف",
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  "%00",
  "%",
  "../../../../etc/passwd",
  "<script>alert(1)</script>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as it is.
  "${7*7}{{7*7}}",
  "\r\nSet-Cookie: x=1",
  "null",
  "true",
  "-1",
  "0",
  "1e309",
  "NaN",
  "2017-02-30",
  "9999-99-99",
  "000000000000",
  "999999999999",
  "PRK",
  "zz",
  "x".repeat(65),
  "y".repeat(5000),
];
const huge = "z".repeat(200_000);

const nastyString = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...nasty) },
  { weight: 6, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constant(huge) },
);
const nastyNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, 0.5, 1e-9),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const anyJson = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Ids the fuzzer knows, weighted towards existing records so access checks are reached, not only validation. */
function idArb(world: FuzzWorld) {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...world.records.map((r) => r.id)) },
    { weight: 2, arbitrary: fc.constantFrom(world.mandateA, world.mandateB) },
    { weight: 1, arbitrary: fc.constant("no-such-record-0001") },
    { weight: 1, arbitrary: nastyString },
  );
}

/** A value for a schema: mostly plausible (enum values, known ids, dates), often wrong in type, size or content. */
function valueFor(schema: Schema, name: string, world: FuzzWorld, depth: number): fc.Arbitrary<unknown> {
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])] as Schema[];
  if (branches.length) return fc.oneof(...branches.map((b) => valueFor(b, name, world, depth)));
  const wrong = { weight: 1, arbitrary: depth > 2 ? fc.constant(null) : anyJson };
  if (schema.enum?.length) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum) }, wrong);
  if ("const" in schema) return fc.oneof({ weight: 4, arbitrary: fc.constant(schema.const) }, wrong);
  const type = [schema.type ?? "string"].flat()[0];
  if (type === "object" && depth < 3) return objectFor(schema, world, depth + 1);
  if (type === "array" && depth < 3)
    return fc.oneof(
      {
        weight: 4,
        arbitrary: fc.array(valueFor(schema.items ?? {}, name, world, depth + 1), { maxLength: 4 }),
      },
      { weight: 1, arbitrary: fc.array(fc.constant("x"), { minLength: 201, maxLength: 205 }) },
      wrong,
    );
  if (type === "integer" || type === "number")
    return fc.oneof(
      {
        weight: 3,
        arbitrary: fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 3000, 3000) }),
      },
      { weight: 2, arbitrary: nastyNumber },
      wrong,
    );
  if (type === "boolean") return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, wrong);
  if (type === "null") return fc.oneof(fc.constant(null), wrong);
  const plausible: fc.Arbitrary<unknown>[] = [];
  if (/mandateId$/.test(name)) plausible.push(fc.constantFrom(world.mandateA, world.mandateB));
  else if (/(Id|^id)$/.test(name)) plausible.push(idArb(world));
  if (schema.format === "date" || /date|Date|On$/.test(name))
    plausible.push(fc.constantFrom("2017-07-18", "2017-02-29", "2016-05", "2016", "0000-00-00"));
  if (schema.format === "email") plausible.push(fc.constantFrom("someone@example.org", "@", "a@b"));
  plausible.push(fc.string({ minLength: schema.minLength ?? 0, maxLength: 12 }));
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(...plausible) },
    { weight: 3, arbitrary: nastyString },
    wrong,
  );
}

/** An object of a schema: each property present or missing, sometimes an extra property. */
function objectFor(schema: Schema, world: FuzzWorld, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {}) as [string, Schema][];
  const required = new Set(schema.required ?? []);
  const parts = props.map(([k, s]) =>
    fc.oneof(
      {
        weight: required.has(k) ? 8 : 3,
        arbitrary: valueFor(s, k, world, depth).map((v) => [k, v] as const),
      },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
  );
  return fc
    .tuple(
      fc.tuple(...parts),
      fc.option(fc.tuple(fc.constantFrom("extra", "__proto__", "constructor", "id"), anyJson)),
    )
    .map(([entries, extra]) => {
      const out: Record<string, unknown> = {};
      for (const e of entries) if (e) out[e[0]] = e[1];
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true });
      return out;
    });
}

const contentTypes = [
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=zz",
  "application/octet-stream",
  "application/pdf",
  "text/csv",
  "image/png",
  "application/json; charset=latin1",
  "application/xml",
];

/** The body of a request and its content type: JSON of the schema, other JSON, broken text, bytes, nothing. */
function bodyFor(op: Operation, world: FuzzWorld) {
  const raw = rawBodyRoutes.has(`${op.method} ${op.path}`);
  const json = op.body ? objectFor(op.body, world, 0).map((o) => JSON.stringify(o)) : fc.constant("{}");
  // A smallest valid body with one field changed: gets past validation often enough to reach access checks.
  const base = op.body ? (sampleOf(op.body) as Record<string, unknown>) : {};
  if ("mandateId" in base) base.mandateId = world.mandateA;
  const names = Object.keys(op.body?.properties ?? {});
  const nearlyValid = names.length
    ? fc.tuple(fc.constantFrom(...names), fc.boolean()).chain(([k, mandateB]) =>
        valueFor((op.body?.properties?.[k] ?? {}) as Schema, k, world, 1).map((v) =>
          JSON.stringify({
            ...base,
            ...(mandateB && "mandateId" in base ? { mandateId: world.mandateB } : {}),
            [k]: v,
          }),
        ),
      )
    : fc.constant(JSON.stringify(base));
  const payload = fc.oneof(
    { weight: raw ? 1 : 5, arbitrary: json },
    { weight: raw ? 1 : 5, arbitrary: nearlyValid },
    { weight: 2, arbitrary: anyJson.map((v) => JSON.stringify(v) ?? "null") },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{"a":', "{", "[", "\u0000", "a=1&b=2", "--zz\r\n\r\n--zz--", ""),
    },
    {
      weight: raw ? 6 : 1,
      arbitrary: fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const type = fc.oneof(
    { weight: raw ? 1 : 6, arbitrary: fc.constant("application/json") },
    { weight: 2, arbitrary: fc.constantFrom(...contentTypes) },
  );
  return fc.tuple(payload, type);
}

/** One query value as text: plausible, nasty, or missing. */
function queryFor(op: Operation, world: FuzzWorld) {
  const params = op.params.filter((p) => p.in === "query");
  return fc
    .tuple(
      fc.tuple(
        ...params.map((p) =>
          fc.option(
            valueFor(p.schema ?? {}, p.name, world, 1).map((v) => [
              p.name,
              typeof v === "string" ? v : JSON.stringify(v),
            ]),
            { freq: p.required ? 10 : 2 },
          ),
        ),
      ),
      fc.option(fc.tuple(fc.constantFrom("extra", "mandateId", "limit", "cursor"), nastyString), { freq: 5 }),
    )
    .map(([values, extra]) => {
      const search = new URLSearchParams();
      for (const v of values) if (v) search.append(String(v[0]), String(v[1] ?? ""));
      if (extra) search.append(extra[0], extra[1]);
      const s = search.toString();
      return s ? `?${s}` : "";
    });
}

/** Percent-encodes a path segment; a lone surrogate goes as the bytes Node would send for it. */
const encodePathPart = (s: string) =>
  [...Buffer.from(s, "utf8")]
    .map((b) =>
      /[\w.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, "0")}`,
    )
    .join("");

/**
 * Requests for every operation of the document, as each fuzzed role, with path ids that exist, do not, or belong to
 * another mandate. A role that may change a canary record never names it in a write, so its canaries stay readable.
 */
export function requestArb(world: FuzzWorld, operations: Operation[]): fc.Arbitrary<FuzzRequest> {
  const perOperation = operations.map((op) => {
    const pathParams = op.params.filter((p) => p.in === "path");
    const ids = fc.tuple(...pathParams.map(() => idArb(world)));
    return fc
      .tuple(fc.constantFrom(...fuzzRoles), ids, queryFor(op, world), bodyFor(op, world), fc.nat(99))
      .filter(([role, values, query, [payload]]) => {
        if (role !== "anonymous" && sessionEnding.has(`${op.method} ${op.path}`)) return false;
        if (op.method === "GET") return true;
        const text = `${values.join(" ")} ${query} ${typeof payload === "string" ? payload : ""}`;
        return !world.records.some((r) => r.canary && r.seenBy.has(role) && text.includes(r.id));
      })
      .map(([role, values, query, [payload, type], dice]): FuzzRequest => {
        let i = 0;
        const url = op.path.replace(/\{(\w+)\}/g, () => encodePathPart(String(values[i++] ?? "")));
        const hasBody = op.method !== "GET" && payload !== undefined;
        const headers: Record<string, string> = hasBody ? { "content-type": type } : {};
        // A few writes go without their CSRF token, or with another one.
        const forgedCsrf = role !== "anonymous" && op.method !== "GET" && dice < 3;
        if (forgedCsrf) headers["x-csrf-token"] = dice ? "forged" : "";
        if (dice === 50) headers["accept-language"] = "ko-KR,ko;q=0.9";
        return {
          role,
          operation: op,
          url: `${url}${query}`,
          headers,
          payload: hasBody ? payload : undefined,
          pathRecord: world.records.find((r) => values.includes(r.id)),
          forgedCsrf,
        };
      });
  });
  return fc.oneof(...perOperation);
}
