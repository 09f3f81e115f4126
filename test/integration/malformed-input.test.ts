import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordSpecs } from "../../src/server/modules/record-specs.js";
import { messageCodes } from "../../src/server/platform/i18n/messages.js";
import type { FieldKind, RecordSpec } from "../../src/server/platform/records/record-spec.js";
import { type ApiClient, type ApiResponse, signIn } from "../support/api-client.js";
import { build, createVia } from "../support/factories.js";
import {
  fillPath,
  type JsonSchema,
  jsonSchemaOf,
  type RegisteredRoute,
  registeredRoutes,
  sampleOf,
  wrongTypeFor,
} from "../support/routes.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, testPassword, type World } from "../support/world.js";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type Lang = "en" | "ko";

const MiB = 1024 * 1024;
const bodyMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Takes the raw bytes of a file, whatever their content type, instead of JSON. */
const rawBodyRoutes = new Set([
  "POST /api/v1/attachments",
  "POST /api/v1/imports/preview",
  "POST /api/v1/press-releases/:id/images",
]);
/** Ends the caller's session when it succeeds, so each request to it gets a session of its own. */
const sessionEnding = new Set(["POST /api/v1/auth/logout"]);
/** Valid in form for every path parameter (ids, list names, term codes) and matching nothing. */
const unknownId = "no-such-record-0001";
const specByPlural = new Map(recordSpecs.all.map((s) => [s.plural, s]));

const languages: { lang: Lang; header: string }[] = [
  { lang: "ko", header: "ko-KR,ko;q=0.9,en;q=0.5" },
  { lang: "en", header: "en-GB,en;q=0.9" },
];
const hangul = /[\uac00-\ud7a3]/;
/** What must never reach a client: stack frames, source paths, driver codes, SQL. */
const leaks =
  /\n\s+at |node_modules|\.[jt]s:\d+|SQLITE_|sqlite3|\bpg\b|syntax error|\bselect\b.+\bfrom\b|insert into|\bupdate\b.+\bset\b|violates|relation "|kysely|stack|ZodError|FST_/i;
const notFoundCode = /^[a-z][a-z-]*\.not_found$/;
const knownCodes = new Set(messageCodes.en);

interface Want {
  status?: number;
  code?: string;
  /** Field names that must appear in `error.fields` (a nested name such as `startDate.value` counts for `startDate`). */
  fields?: string[];
  /** `fields` must name nothing else. */
  onlyFields?: boolean;
}

/** Everything wrong with one answer: a 5xx, a body not of the error shape, a message not in the asked language, a leak. */
function problemsWith(label: string, res: ApiResponse<unknown>, lang: Lang, want: Want): string[] {
  const out: string[] = [];
  const raw = res.raw.body;
  const say = (what: string) => out.push(`${label} [${lang}] → ${res.status}: ${what} ${raw.slice(0, 300)}`);
  if (res.status >= 500) say("server error");
  if (want.status !== undefined && res.status !== want.status) say(`expected status ${want.status}`);
  if (res.status < 400) return out;
  if (leaks.test(raw)) say("leaks internals");
  if (!String(res.headers["content-type"] ?? "").startsWith("application/json")) say("not JSON");
  const body = res.body as { error?: Record<string, unknown> } | null;
  const error = body?.error;
  if (!body || typeof body !== "object" || Object.keys(body).join() !== "error" || !error) {
    say("not the error shape");
    return out;
  }
  if (Object.keys(error).sort().join() !== "code,fields,message")
    say("error keys are not code, message, fields");
  const code = String(error.code);
  if (!knownCodes.has(code) && !notFoundCode.test(code)) say(`unstable code ${code}`);
  if (want.code !== undefined && code !== want.code) say(`expected code ${want.code}`);
  const inLang = (m: unknown) =>
    typeof m === "string" && m.length > 0 && !m.includes("{") && hangul.test(m) === (lang === "ko");
  if (!inLang(error.message) || error.message === code) say(`message not in ${lang}`);
  const fields = (error.fields ?? {}) as Record<string, { code?: unknown; message?: unknown }>;
  if (typeof fields !== "object" || Array.isArray(fields)) say("fields is not an object");
  for (const [name, f] of Object.entries(fields)) {
    if (!knownCodes.has(String(f.code)) || !String(f.code).startsWith("field."))
      say(`field ${name} has unstable code ${String(f.code)}`);
    if (!inLang(f.message) || f.message === f.code) say(`field ${name} message not in ${lang}`);
  }
  const names = Object.keys(fields);
  const covers = (f: string, n: string) => n === f || n.startsWith(`${f}.`);
  for (const f of want.fields ?? []) if (!names.some((n) => covers(f, n))) say(`field ${f} not named`);
  if (want.onlyFields && names.some((n) => !(want.fields ?? []).some((f) => covers(f, n))))
    say(`names more than ${want.fields?.join(", ")}`);
  return out;
}

const key = (r: RegisteredRoute) => `${r.method} ${r.url}`;
const takesJson = (r: RegisteredRoute) => bodyMethods.has(r.method) && !rawBodyRoutes.has(key(r));
const bodyProperties = (r: RegisteredRoute) =>
  r.body ? (jsonSchemaOf(r.body).properties ?? {}) : ({} as Record<string, JsonSchema>);
/** The resource a path's first parameter names: `/api/v1/auth/tokens/:id` → tokens. */
const resourceOf = (r: RegisteredRoute) => {
  const segments = r.url.split("/");
  return segments[segments.findIndex((s) => s.startsWith(":")) - 1] ?? "";
};
/** A raw upload is sent as a PDF; everything else as the client's JSON. */
const rawHeaders = (r: RegisteredRoute): Record<string, string> =>
  rawBodyRoutes.has(key(r)) ? { "content-type": "application/pdf" } : {};
const sampleBody = (r: RegisteredRoute) => (r.body ? sampleOf(jsonSchemaOf(r.body)) : undefined);

/** A value whose JSON type a field of this kind never takes. */
const wrongValueFor = (kind: FieldKind["kind"]): unknown =>
  ({
    text: 12345,
    enum: 42,
    int: "1985",
    number: "42.5",
    bool: "yes",
    vocab: 20000000000,
    ref: 7,
    date: "2016-05-12",
    stringList: "ko",
    country: 410,
    day: 20170717,
  })[kind];

/** A create body valid in form (references need not exist: form is checked before anything is looked up). */
function formallyValidBody(spec: RecordSpec, mandateId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { mandateId };
  for (const [name, f] of Object.entries(spec.fields)) {
    if (!("required" in f.type) || !f.type.required || f.readOnly) continue;
    const t = f.type;
    body[name] =
      t.kind === "enum"
        ? t.values[0]
        : t.kind === "vocab"
          ? "000000000000"
          : t.kind === "ref"
            ? unknownId
            : t.kind === "day"
              ? "2017-07-17"
              : "x";
  }
  return body;
}

describe.each(dialects)("malformed input on %s", (dialect) => {
  let world: World;
  let routes: RegisteredRoute[];
  let officer: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    world = await createWorld(dialect);
    // The JSON API's contract. The portal's pages and the mailing list's forms answer in HTML (and take form
    // bodies): their own tests check them.
    routes = (await registeredRoutes(world.deps)).filter((r) => r.url.startsWith("/api/"));
    officer = await world.as("officer");
    admin = await world.as("admin");
  });
  afterAll(async () => world?.close());

  const clientFor = async (route: RegisteredRoute, as?: ApiClient) =>
    sessionEnding.has(key(route)) ? signIn(world.app, "officer@test.example", testPassword) : (as ?? officer);

  /** Sends the request once per language and returns every problem found with the answers. */
  async function probe(
    label: string,
    route: RegisteredRoute,
    url: string,
    payload: string | undefined,
    headers: Record<string, string>,
    want: Want,
    as?: ApiClient,
  ): Promise<string[]> {
    const out: string[] = [];
    for (const { lang, header } of languages) {
      const client = await clientFor(route, as);
      const res = await client.request(route.method as Method, url, payload, {
        "accept-language": header,
        ...headers,
      });
      out.push(...problemsWith(`${label}: ${route.method} ${url.slice(0, 120)}`, res, lang, want));
    }
    return out;
  }

  const bodyRoutes = () => routes.filter((r) => bodyMethods.has(r.method));
  const jsonBodyRoutes = () => routes.filter(takesJson);
  const urlOf = (r: RegisteredRoute) => fillPath(r, () => unknownId);

  it("the route list the checks below walk covers the whole API", () => {
    const api = routes.filter((r) => r.url.startsWith("/api/v1/"));
    expect(api.length).toBeGreaterThan(40);
    for (const spec of recordSpecs.all) {
      expect(api.map(key)).toContain(`GET /api/v1/${spec.plural}`);
      expect(api.map(key)).toContain(`PATCH /api/v1/${spec.plural}/:id`);
    }
    expect(bodyRoutes().length).toBeGreaterThan(20);
  });

  it("malformed or empty JSON on any route that reads a body is a 400 request.invalid_json", async () => {
    const payloads = [
      '{"title": ',
      "{bad json}",
      "{'single': 'quotes'}",
      '{"a":1}}',
      "\u0000",
      "NaN",
      "",
      '{"__proto__": {"isAdmin": true}}',
      '{"constructor": {"prototype": {"isAdmin": true}}}',
    ];
    const problems: string[] = [];
    for (const route of jsonBodyRoutes())
      for (const payload of payloads)
        problems.push(
          ...(await probe(
            `JSON ${JSON.stringify(payload)}`,
            route,
            urlOf(route),
            payload,
            {},
            {
              status: 400,
              code: "request.invalid_json",
            },
          )),
        );
    expect(problems).toEqual([]);
  });

  it("a JSON array, string, number or null where an object belongs is refused naming the body", async () => {
    const problems: string[] = [];
    for (const route of jsonBodyRoutes())
      for (const payload of ["[]", '[{"mandateId":"x"}]', '"text"', "42", "true", "null"]) {
        const want: Want = route.body
          ? { status: 400, code: "request.validation_failed", fields: ["body"], onlyFields: true }
          : {};
        problems.push(...(await probe(`body ${payload}`, route, urlOf(route), payload, {}, want)));
      }
    expect(problems).toEqual([]);
  });

  it("an unknown field is refused by name on every route that reads a JSON body, nested objects included", async () => {
    const problems: string[] = [];
    const withSchema = jsonBodyRoutes().filter((r) => r.body);
    expect(withSchema.length).toBeGreaterThan(15);
    for (const route of withSchema) {
      const payload = JSON.stringify({ ...(sampleBody(route) as object), unexpectedField: 1 });
      problems.push(
        ...(await probe(
          "unknown field",
          route,
          urlOf(route),
          payload,
          {},
          {
            status: 400,
            code: "request.validation_failed",
            fields: ["unexpectedField"],
          },
        )),
      );
    }
    const event = build.event(world.mandateId, { startDate: { value: "2016", precision: "year", extra: 1 } });
    const res = await officer.post("/api/v1/events", event);
    problems.push(
      ...problemsWith("nested unknown field", res, "en", {
        status: 400,
        fields: ["startDate.extra"],
        onlyFields: true,
      }),
    );
    expect(problems).toEqual([]);
  });

  it("each field of every JSON body, given a value of the wrong type, is refused by name", async () => {
    const problems: string[] = [];
    let sent = 0;
    for (const route of jsonBodyRoutes())
      for (const [name, schema] of Object.entries(bodyProperties(route))) {
        const wrong = wrongTypeFor(schema);
        if (wrong === undefined) continue;
        sent++;
        problems.push(
          ...(await probe(
            `${name}=${JSON.stringify(wrong)}`,
            route,
            urlOf(route),
            JSON.stringify({ [name]: wrong }),
            {},
            {
              status: 400,
              code: "request.validation_failed",
              fields: [name],
            },
          )),
        );
      }
    expect(sent).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it("creating or changing any record type with a field of the wrong type names exactly that field", async () => {
    const problems: string[] = [];
    for (const spec of recordSpecs.all) {
      const create = routes.find((r) => key(r) === `POST /api/v1/${spec.plural}`);
      for (const [name, f] of Object.entries(spec.fields)) {
        const wrongs = [
          wrongValueFor(f.type.kind),
          ...(f.type.kind === "date" ? [{ value: 2016, precision: "year" }, { value: "2016" }] : []),
          ...(f.type.kind === "stringList" ? [[1, 2]] : []),
          ...(f.type.kind === "int" ? [1.5] : []),
          ...(f.type.kind === "text" ? [{ text: "x" }, ["x"]] : []),
        ];
        for (const wrong of wrongs) {
          const want: Want = {
            status: 400,
            code: "request.validation_failed",
            fields: [name],
            onlyFields: true,
          };
          if (create?.body) {
            const body = { ...formallyValidBody(spec, world.mandateId), [name]: wrong };
            const res = await officer.post(`/api/v1/${spec.plural}`, body, { "accept-language": "ko" });
            problems.push(
              ...problemsWith(`create ${spec.type}.${name}=${JSON.stringify(wrong)}`, res, "ko", want),
            );
          }
          const res = await officer.patch(`/api/v1/${spec.plural}/${unknownId}`, { [name]: wrong });
          problems.push(
            ...problemsWith(`update ${spec.type}.${name}=${JSON.stringify(wrong)}`, res, "en", want),
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("a body over the route's size limit is refused with 413 request.too_large; one at the limit is read", async () => {
    const problems: string[] = [];
    const huge = new Map<number, string>();
    const filler = (bytes: number) => {
      const cached = huge.get(bytes);
      if (cached) return cached;
      const made = `{"unexpectedField":"${"a".repeat(bytes - 22)}"}`;
      huge.set(bytes, made);
      return made;
    };
    for (const route of bodyRoutes()) {
      const limit = route.bodyLimit ?? MiB;
      const headers = rawHeaders(route);
      const over = filler(limit + 1);
      expect(over.length).toBe(limit + 1);
      problems.push(
        ...(await probe("over the limit", route, urlOf(route), over, headers, {
          status: 413,
          code: "request.too_large",
        })),
      );
      if (limit === MiB && takesJson(route)) {
        const at = filler(MiB);
        const res = await (await clientFor(route)).request(route.method as Method, urlOf(route), at);
        if (res.status === 413)
          problems.push(`${key(route)}: a body of exactly 1 MiB is refused as too large`);
        problems.push(...problemsWith(`at the limit ${key(route)}`, res, "en", {}));
      }
    }
    expect(problems).toEqual([]);
  });

  it("a content type other than JSON is refused with 415 on every JSON route", async () => {
    const problems: string[] = [];
    const types = [
      ["application/xml", "<person><code>x</code></person>"],
      ["application/x-www-form-urlencoded", "code=x&kind=individual"],
      [
        "multipart/form-data; boundary=zz",
        '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--zz--',
      ],
      ["text/plain", '{"code":"x"}'],
      ["text/html", "<script>alert(1)</script>"],
      ["application/json-patch+json", "[]"],
    ] as const;
    for (const route of jsonBodyRoutes())
      for (const [type, payload] of types)
        problems.push(
          ...(await probe(
            type,
            route,
            urlOf(route),
            payload,
            { "content-type": type },
            {
              status: 415,
              code: "request.unsupported_media_type",
            },
          )),
        );
    for (const route of jsonBodyRoutes()) {
      const res = await world.app.inject({
        method: route.method as Method,
        url: urlOf(route),
        payload: '{"a":1}',
      });
      const answer = { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers, raw: res };
      problems.push(
        ...problemsWith(`no content type ${key(route)}`, answer, "en", {
          status: 415,
          code: "request.unsupported_media_type",
        }),
      );
    }
    expect(problems).toEqual([]);
  });

  it("a body nested 100 000 levels deep is refused naming its field, not a stack overflow", async () => {
    const problems: string[] = [];
    const deep = `{"unexpectedField":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    for (const route of jsonBodyRoutes().filter((r) => r.body))
      problems.push(
        ...(await probe(
          "deep body",
          route,
          urlOf(route),
          deep,
          {},
          {
            status: 400,
            fields: ["unexpectedField"],
          },
        )),
      );
    expect(problems).toEqual([]);
  });

  it("unknown ids answer 404 <resource>.not_found to a caller allowed to use the route", async () => {
    const problems: string[] = [];
    const withParams = routes.filter((r) => r.params.length);
    expect(withParams.length).toBeGreaterThan(15);
    for (const route of withParams) {
      const payload = route.body ? JSON.stringify(sampleBody(route)) : undefined;
      const want: Want = { status: 404, code: `${resourceOf(route)}.not_found` };
      const res = await officer.request(route.method as Method, urlOf(route), payload);
      // Admin-only routes refuse an officer before looking anything up; the admin then gets the 404.
      const as = res.status === 403 ? admin : officer;
      problems.push(...(await probe("unknown id", route, urlOf(route), payload, {}, want, as)));
    }
    const holder = await world.as("mandate_holder");
    const member = await holder.put(`/api/v1/mandates/${world.mandateId}/members/${unknownId}`, {
      role: "officer",
    });
    problems.push(...problemsWith("unknown member", member, "en", { status: 404, code: "users.not_found" }));
    const term = await admin.patch(`/api/v1/vocabularies/sex/terms/999999999999`, { retired: true });
    problems.push(
      ...problemsWith("unknown term", term, "en", { status: 404, code: "vocabularies.not_found" }),
    );
    expect(problems).toEqual([]);
  });

  it("over-long ids are refused naming the parameter; absurdly long ids and segments are an unknown address", async () => {
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.params.length)) {
      const payload = route.body ? JSON.stringify(sampleBody(route)) : undefined;
      const long = fillPath(route, () => "x".repeat(199));
      problems.push(
        ...(await probe(
          "199-character id",
          route,
          long,
          payload,
          {},
          {
            status: 400,
            code: "request.validation_failed",
            fields: route.params,
          },
        )),
      );
      for (const length of [201, 10_000]) {
        const url = fillPath(route, () => "y".repeat(length));
        problems.push(
          ...(await probe(
            `${length}-character id`,
            route,
            url,
            payload,
            {},
            {
              status: 414,
              code: "request.url_too_long",
            },
          )),
        );
      }
    }
    const get = routes.find((r) => key(r) === "GET /api/v1/persons") as RegisteredRoute;
    for (const url of [
      `/api/v1/${"z".repeat(10_000)}`,
      `/api/v1/persons/${"a/".repeat(2000)}`,
      "/api/v1//////",
    ])
      problems.push(...(await probe("long path", get, url, undefined, {}, { status: 404 })));
    expect(problems).toEqual([]);
  });

  it("ids made of SQL, HTML and path metacharacters, or malformed escapes, are just unknown or invalid ids", async () => {
    const problems: string[] = [];
    const ids = [
      "'; DROP TABLE persons; --",
      '" OR 1=1 --',
      "<script>alert(1)</script>",
      "%",
      "_",
      "\\",
      "../../etc/passwd",
      "구금시설에서 😢",
      "\u202e",
    ];
    const raw = ["%", "%ZZ", "%FF", "%C0%AF", "%E0%80"];
    for (const route of routes.filter((r) => r.params.length)) {
      const payload = route.body ? JSON.stringify(sampleBody(route)) : undefined;
      for (const id of ids) {
        const res = await officer.request(
          route.method as Method,
          fillPath(route, () => id),
          payload,
        );
        const want: Want = res.status === 404 ? { code: `${resourceOf(route)}.not_found` } : {};
        problems.push(...problemsWith(`id ${JSON.stringify(id)} ${key(route)}`, res, "en", want));
      }
      for (const id of raw) {
        const url = route.url.replace(/:(\w+)/g, id);
        problems.push(
          ...(await probe(
            `raw id ${id}`,
            route,
            url,
            payload,
            {},
            { status: 400, code: "request.invalid_url" },
          )),
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it("bad query parameters are refused by name: limit=abc, limit=100000, cursor=garbage, repeats, unknown ones", async () => {
    const problems: string[] = [];
    const withQuery = routes.filter((r) => r.querystring);
    expect(withQuery.length).toBeGreaterThan(8);
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    for (const route of withQuery) {
      const props =
        jsonSchemaOf(route.querystring as NonNullable<RegisteredRoute["querystring"]>).properties ?? {};
      const cases: [string, string[]][] = [["unexpectedParam=1", ["unexpectedParam"]]];
      if (props.limit)
        for (const v of ["abc", "100000", "0", "-5", "1.5", "1e400", "", "%00"])
          cases.push([`limit=${v}`, ["limit"]]);
      for (const name of Object.keys(props)) {
        cases.push([`${name}=${"x".repeat(5000)}`, [name]]);
        cases.push([`${name}=a&${name}=b`, [name]]);
      }
      if (props.sort) cases.push(["sort=password_hash", ["sort"]]);
      if (props.order) cases.push(["order=sideways", ["order"]]);
      const opaqueCursor = specByPlural.has(route.url.replace("/api/v1/", "")) && route.method === "GET";
      if (props.cursor)
        for (const c of [
          "garbage",
          "%%%",
          b64(["only-one"]),
          b64({ a: 1 }),
          b64([1, 2]),
          "AAAA",
          b64(["\0", "\0"]),
        ])
          cases.push([`cursor=${encodeURIComponent(c)}`, opaqueCursor ? ["cursor"] : []]);
      const payload = rawBodyRoutes.has(key(route))
        ? "%PDF-1.4"
        : route.body
          ? JSON.stringify(sampleBody(route))
          : undefined;
      const headers = rawHeaders(route);
      for (const [query, fields] of cases) {
        const url = `${urlOf(route)}?${query}`;
        const want: Want = fields.length ? { status: 400, code: "request.validation_failed", fields } : {};
        problems.push(...(await probe(query.slice(0, 40), route, url, payload, headers, want)));
      }
    }
    // A well-formed cursor full of SQL is only a position: it pages on, it is never run.
    const injected = b64(["' OR 1=1 --", "'; DROP TABLE persons; --"]);
    const res = await officer.get(`/api/v1/persons?cursor=${injected}`);
    expect(res.status).toBe(200);
    for (const route of routes.filter((r) => r.method === "GET" && !r.querystring && !r.params.length)) {
      const odd = await officer.get(`${route.url}?limit=abc&cursor=%%%&q=%27%22%3C`);
      problems.push(...problemsWith(`ignored query ${route.url}`, odd, "en", {}));
    }
    expect(problems).toEqual([]);
  });

  it("a NUL character anywhere in a request is refused naming where it is, on either database", async () => {
    const problems: string[] = [];
    const want = (fields: string[]): Want => ({ status: 400, code: "request.validation_failed", fields });
    for (const route of routes.filter((r) => r.params.length)) {
      const payload = route.body ? JSON.stringify(sampleBody(route)) : undefined;
      problems.push(
        ...(await probe(
          "NUL id",
          route,
          fillPath(route, () => "a\u0000b"),
          payload,
          {},
          want(route.params),
        )),
      );
    }
    for (const route of routes.filter((r) => r.querystring)) {
      const names = Object.keys(
        jsonSchemaOf(route.querystring as NonNullable<RegisteredRoute["querystring"]>).properties ?? {},
      );
      const payload = rawBodyRoutes.has(key(route)) ? "%PDF-1.4" : undefined;
      const headers = rawHeaders(route);
      for (const name of names)
        problems.push(
          ...(await probe(
            "NUL query",
            route,
            `${urlOf(route)}?${name}=x%00y`,
            payload,
            headers,
            want([name]),
          )),
        );
    }
    for (const spec of recordSpecs.all.filter((s) =>
      routes.some((r) => key(r) === `POST /api/v1/${s.plural}` && r.body),
    )) {
      const base = formallyValidBody(spec, world.mandateId);
      for (const [name, f] of Object.entries(spec.fields)) {
        const value =
          f.type.kind === "date"
            ? { value: "2016\u0000", precision: "year" }
            : f.type.kind === "stringList"
              ? ["ko", "k\u0000o"]
              : "x\u0000";
        const res = await officer.post(`/api/v1/${spec.plural}`, { ...base, [name]: value });
        problems.push(...problemsWith(`NUL in ${spec.type}.${name}`, res, "en", want([name])));
      }
    }
    const person = await createVia(officer, "persons", build.person(world.mandateId));
    const identity = await officer.put(
      `/api/v1/persons/${person.id}/identity`,
      { aliases: ["a", "b\u0000"] },
      { "accept-language": "ko" },
    );
    problems.push(
      ...problemsWith("NUL in an alias", identity, "ko", { ...want(["aliases.1"]), onlyFields: true }),
    );
    expect(identity.body).toMatchObject({
      error: { fields: { "aliases.1": { code: "field.nul_character" } } },
    });
    expect(problems).toEqual([]);
  });

  it("a garbage session cookie or bearer token is simply not signed in", async () => {
    const problems: string[] = [];
    const headers = [
      { cookie: "rapporteur_session=%00" },
      { cookie: "rapporteur_session=' OR 1=1 --" },
      { cookie: `rapporteur_session=${"x".repeat(5000)}` },
      { cookie: "rapporteur_session=%E0%80" },
      { authorization: "Bearer %00" },
      { authorization: "Bearer ' OR 1=1 --" },
      { authorization: `Bearer ${"x".repeat(5000)}` },
      { authorization: "Basic Zm9vOmJhcg==" },
    ];
    for (const h of headers)
      for (const { lang, header } of languages) {
        const res = await world.app.inject({
          method: "GET",
          url: "/api/v1/persons",
          headers: { ...h, "accept-language": header },
        });
        const answer = { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers, raw: res };
        problems.push(
          ...problemsWith(JSON.stringify(h).slice(0, 60), answer, lang, {
            status: 401,
            code: "auth.required",
          }),
        );
      }
    expect(problems).toEqual([]);
  });

  it("a method a path does not have is an unknown address in the error shape, in Korean when asked", async () => {
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.url.startsWith("/api/v1/"))) {
      // `PATCH /cases/statistics` is `PATCH /cases/:id` for a case id "statistics": that path has the method.
      const matches = (pattern: string, url: string) =>
        new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, "[^/]+")}$`).test(url);
      const missing = (["GET", "POST", "PATCH", "PUT", "DELETE"] as const).filter(
        (m) => !routes.some((r) => r.method === m && matches(r.url, route.url)),
      );
      for (const method of missing) {
        const other = { ...route, method };
        problems.push(
          ...(await probe(
            "absent method",
            other,
            urlOf(route),
            undefined,
            {},
            {
              status: 404,
              code: "request.route_not_found",
            },
          )),
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it("odd Accept-Language headers fall back to English, and q-values pick Korean", async () => {
    const cases: [string, Lang][] = [
      ["*", "en"],
      ["fr-FR,fr;q=0.9", "en"],
      ["ko;q=abc,en;q=0.1", "en"],
      [";;;,,,q=", "en"],
      ["x".repeat(5000), "en"],
      ["en;q=0.1,ko;q=0.8", "ko"],
      ["KO", "ko"],
    ];
    const problems: string[] = [];
    for (const [header, lang] of cases) {
      const res = await officer.get(`/api/v1/persons/${unknownId}`, { "accept-language": header });
      problems.push(...problemsWith(`Accept-Language ${header.slice(0, 20)}`, res, lang, { status: 404 }));
    }
    expect(problems).toEqual([]);
  });

  describe("text with SQL, HTML and LIKE metacharacters is data, never code", () => {
    const nasty = [
      "'; DROP TABLE persons; --",
      '" OR 1=1 --',
      "<script>alert(1)</script>",
      "%_\\",
      "구금시설에서 😢",
    ];
    /**
     * Text fields the API does not take as free text: reference ids typed as text, a server-computed hash, what the
     * server alone sets (a letter's reference), and checked formats (a URL, a UN document symbol).
     */
    const notFreeText: Record<string, string[]> = {
      "information-links": ["targetId"],
      attachments: ["sha256"],
      cases: ["ownerId"],
      "case-links": ["targetId"],
      "communication-links": ["targetId"],
      communications: ["reference", "publishedAt"],
      visits: ["pressReleaseUrl", "reportSymbol"],
      reports: ["symbol"],
      "press-releases": ["slug", "publishAt", "publishedAt"],
    };
    const textFields = (spec: RecordSpec) =>
      Object.entries(spec.fields)
        .filter(([n, f]) => f.type.kind === "text" && !notFreeText[spec.plural]?.includes(n))
        .map(([n]) => n);
    let validBody: Record<string, () => Record<string, unknown>>;

    beforeAll(async () => {
      const m = world.mandateId;
      const p1 = await createVia(officer, "persons", build.person(m));
      const p2 = await createVia(officer, "persons", build.person(m));
      const event = await createVia(officer, "events", build.event(m));
      const act = await createVia(officer, "acts", build.act(m, event.id));
      const source = await createVia(officer, "sources", build.source(m));
      const aCase = await createVia(officer, "cases", build.case(m));
      const letter = await createVia(officer, "communications", build.communication(m));
      const holder = await world.as("mandate_holder");
      for (const [who, action] of [
        [officer, "submit"],
        [holder, "approve"],
        [officer, "send"],
      ] as const)
        expect((await who.post(`/api/v1/communications/${letter.id}/transitions`, { action })).status).toBe(
          200,
        );
      const request = await createVia(officer, "visit-requests", build.visitRequest(m));
      const visit = await createVia(officer, "visits", build.visit(m));
      const recommendation = await createVia(officer, "recommendations", build.recommendation(m));
      validBody = {
        persons: () => build.person(m),
        relations: () => build.relation(m, p1.id, p2.id),
        places: () => build.place(m),
        sources: () => build.source(m),
        events: () => build.event(m),
        acts: () => build.act(m, event.id),
        involvements: () => build.involvement(m, act.id),
        "information-links": () => build.informationLink(m, source.id, "act", act.id),
        cases: () => build.case(m),
        "case-status-changes": () => ({
          mandateId: m,
          caseId: aCase.id,
          status: "detained",
          statusOn: "2017-03-02",
        }),
        "case-links": () => ({ mandateId: m, caseId: aCase.id, targetType: "act", targetId: act.id }),
        communications: () => build.communication(m),
        "communication-links": () => ({
          mandateId: m,
          communicationId: letter.id,
          targetType: "act",
          targetId: act.id,
        }),
        "communication-replies": () => ({
          mandateId: m,
          communicationId: letter.id,
          receivedOn: "2017-09-01",
        }),
        "visit-requests": () => build.visitRequest(m),
        "visit-request-entries": () => ({
          mandateId: m,
          visitRequestId: request.id,
          entryKind: "reminder",
          entryOn: "2017-01-10",
        }),
        visits: () => build.visit(m),
        reports: () => build.report(m),
        "press-releases": () => build.pressRelease(m),
        recommendations: () => build.recommendation(m),
        "recommendation-follow-ups": () => ({
          mandateId: m,
          recommendationId: recommendation.id,
          status: "not_implemented",
          assessedOn: "2020-01-15",
        }),
        meetings: () => ({
          mandateId: m,
          visitId: visit.id,
          meetingOn: "2017-07-18",
          counterpartCategory: "government",
        }),
      };
    });

    /** Creates a record with the given text fields; attachments arrive as uploads named by `filename`. */
    async function createWith(spec: RecordSpec, text: Record<string, string>) {
      if (spec.plural === "attachments") {
        const query = new URLSearchParams({
          mandateId: world.mandateId,
          filename: text.filename ?? "file.pdf",
        });
        const res = await officer.request<{ id: string; version: number }>(
          "POST",
          `/api/v1/attachments?${query}`,
          `%PDF-1.4 ${Math.random()}`,
          { "content-type": "application/pdf" },
        );
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body;
      }
      const make = validBody[spec.plural];
      if (!make) throw new Error(`no valid body for ${spec.plural}`);
      return createVia<{ id: string; version: number }>(officer, spec.plural, { ...make(), ...text });
    }

    it("every text field of every record type is covered, bar a reference id and a computed hash", () => {
      for (const spec of recordSpecs.all) {
        const all = Object.entries(spec.fields).filter(([, f]) => f.type.kind === "text");
        expect(textFields(spec).length + (notFreeText[spec.plural]?.length ?? 0)).toBe(all.length);
        if (spec.plural !== "attachments") expect(validBody[spec.plural]).toBeTypeOf("function");
      }
    });

    it.each(recordSpecs.all.map((s) => [s.plural, s] as const))(
      "%s: every text field keeps quotes, SQL, HTML, LIKE wildcards, emoji and Korean verbatim on create, change and read",
      async (_plural, spec) => {
        const fields = textFields(spec);
        expect(fields.length).toBeGreaterThan(0);
        for (const [i, value] of nasty.entries()) {
          const created = await createWith(spec, Object.fromEntries(fields.map((f) => [f, value])));
          const read = await officer.get(`/api/v1/${spec.plural}/${created.id}`);
          expect(read.status).toBe(200);
          for (const f of fields) expect(read.body[f], `${spec.type}.${f}`).toBe(value);
          expect(read.raw.body).toContain(JSON.stringify(value).slice(1, -1));

          // Changed values differ from every created one: codes of persons and places are unique.
          const next = `↺ ${nasty[(i + 1) % nasty.length]}`;
          const changed = await officer.patch(`/api/v1/${spec.plural}/${created.id}`, {
            version: created.version,
            ...Object.fromEntries(fields.map((f) => [f, next])),
          });
          expect(changed.status, JSON.stringify(changed.body)).toBe(200);
          const reread = await officer.get(`/api/v1/${spec.plural}/${created.id}`);
          for (const f of fields) expect(reread.body[f], `${spec.type}.${f}`).toBe(next);
        }
        const list = await officer.get<{ items: unknown[] }>(
          `/api/v1/${spec.plural}?mandateId=${world.mandateId}`,
        );
        expect(list.status).toBe(200);
        expect((await officer.get<{ items: unknown[] }>("/api/v1/persons?limit=1")).status).toBe(200);
      },
    );

    it("identifying data keeps metacharacters, emoji and Korean verbatim", async () => {
      const person = await createVia(officer, "persons", build.person(world.mandateId));
      const identity = {
        legalName: nasty[0],
        aliases: nasty,
        address: nasty[2],
        notes: nasty.join("\n"),
        contacts: [{ kind: "other", value: nasty[1] }],
        idNumbers: [{ kind: nasty[3], number: nasty[4] }],
      };
      const put = await officer.put(`/api/v1/persons/${person.id}/identity`, identity);
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      const read = await officer.get<{ identity: unknown }>(`/api/v1/persons/${person.id}/identity`);
      expect(read.body.identity).toEqual(identity);
    });

    it("a reference id typed as text with metacharacters in it is an unknown reference; a computed hash cannot be written", async () => {
      const body = validBody["information-links"]?.() ?? {};
      for (const value of nasty) {
        const res = await officer.post("/api/v1/information-links", { ...body, targetId: value });
        expect(
          problemsWith("targetId", res, "en", { status: 400, fields: ["targetId"], onlyFields: true }),
        ).toEqual([]);
        expect(res.body).toMatchObject({
          error: { fields: { targetId: { code: "field.unknown_reference" } } },
        });
      }
      const file = await createWith(
        recordSpecs.all.find((s) => s.plural === "attachments") as RecordSpec,
        {},
      );
      const res = await officer.patch(`/api/v1/attachments/${file.id}`, { sha256: nasty[0] });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { fields: { sha256: { code: "field.unknown" } } } });
    });

    it.each(recordSpecs.all.filter((s) => s.quickSearch.length).map((s) => [s.plural, s] as const))(
      "%s: quick search takes %, _, ' and \\ literally",
      async (_plural, spec) => {
        const column = spec.quickSearch[0] as string;
        const field = Object.entries(spec.fields).find(([, f]) => f.column === column)?.[0] as string;
        expect(textFields(spec)).toContain(field);
        const searchable = (item: Record<string, unknown>) =>
          spec.quickSearch
            .map((c) => Object.entries(spec.fields).find(([, f]) => f.column === c)?.[0] as string)
            .map((n) => String(item[n] ?? "").toLowerCase());
        const tag = spec.plural.slice(0, 3);
        const made = new Map<string, string>();
        for (const value of ["lit%mark", "lit_mark", "lit'mark", "lit\\mark", "litAmark", "litmark"])
          made.set(value, (await createWith(spec, { [field]: `${tag}-${value}` })).id);
        const search = async (q: string) => {
          const res = await officer.get<{ items: Record<string, unknown>[] }>(
            `/api/v1/${spec.plural}?mandateId=${world.mandateId}&limit=200&q=${encodeURIComponent(q)}`,
          );
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          return res.body.items;
        };
        for (const c of ["%", "_", "'", "\\"]) {
          const exact = await search(`${tag}-lit${c}mark`);
          expect(
            exact.map((i) => i.id),
            `q=${tag}-lit${c}mark`,
          ).toEqual([made.get(`lit${c}mark`)]);
          const any = await search(c);
          expect(
            any.map((i) => i.id),
            `q=${c}`,
          ).toContain(made.get(`lit${c}mark`));
          expect(
            any.map((i) => i.id),
            `q=${c}`,
          ).not.toContain(made.get("litAmark"));
          expect(
            any.map((i) => i.id),
            `q=${c}`,
          ).not.toContain(made.get("litmark"));
          for (const item of any)
            expect(
              searchable(item).some((v) => v.includes(c)),
              `q=${c}`,
            ).toBe(true);
        }
        expect(
          (await search("' OR 1=1 --")).every((i) => searchable(i).some((v) => v.includes("' or 1=1 --"))),
        ).toBe(true);
      },
    );
  });
});
