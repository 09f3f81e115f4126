import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiVersion, buildApp } from "../../src/server/app.js";
import { recordSpecs } from "../../src/server/modules/record-specs.js";
import type { RecordSpec } from "../../src/server/platform/records/record-spec.js";
import { anonymous } from "../support/api-client.js";
import { type JsonSchema, jsonSchemaOf, type RegisteredRoute, registeredRoutes } from "../support/routes.js";
import { createTestDeps, type TestDeps } from "../support/test-deps.js";

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema & { additionalProperties?: unknown };
}
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: {
    required?: boolean;
    content?: Record<string, { schema?: JsonSchema & { additionalProperties?: unknown } }>;
  };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; license?: { identifier?: string } };
  paths: Record<string, Record<string, Operation>>;
}

const docUrl = "/api/v1/openapi.json";
/** `/api/v1/mandates/:id/members/:userId` → `/api/v1/mandates/{id}/members/{userId}` */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, "{$1}");
const httpMethods = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const requiredFields = (spec: RecordSpec) =>
  Object.entries(spec.fields)
    .filter(([, f]) => "required" in f.type && f.type.required === true)
    .map(([n]) => n);
/** Attachment fields the server computes from the uploaded bytes and their Content-Type, never sent as fields. */
const computedOnUpload = ["sha256", "size", "mimeType"];

describe("the OpenAPI document", () => {
  let deps: TestDeps;
  let app: FastifyInstance;
  let routes: RegisteredRoute[];
  let doc: OpenApiDocument;
  let status: number;
  let contentType: string;

  const apiRoutes = () => routes.filter((r) => r.url.startsWith("/api/v1/") && r.url !== docUrl);
  const operation = (method: string, url: string) => doc.paths[openApiPath(url)]?.[method.toLowerCase()];
  const bodySchema = (op: Operation | undefined) => op?.requestBody?.content?.["application/json"]?.schema;
  const recordsWithJsonCreate = () =>
    recordSpecs.all.filter((s) =>
      routes.some((r) => r.method === "POST" && r.url === `/api/v1/${s.plural}` && r.body),
    );

  beforeAll(async () => {
    deps = await createTestDeps("sqlite");
    routes = await registeredRoutes(deps);
    app = await buildApp(deps);
    const res = await anonymous<OpenApiDocument>(app, "GET", docUrl);
    status = res.status;
    contentType = String(res.headers["content-type"]);
    doc = res.body;
  });
  afterAll(async () => {
    await app?.close();
    await deps?.cleanup();
  });

  it("is served to anyone, signed in or not, as JSON in OpenAPI 3.1.0 with the API's title, version and licence", () => {
    expect(status).toBe(200);
    expect(contentType).toMatch(/^application\/json/);
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({
      title: "Rapporteur API",
      version: apiVersion,
      license: { identifier: "AGPL-3.0-or-later" },
    });
  });

  it("documents every API route the app registers, with its method", () => {
    const api = apiRoutes();
    expect(api.length).toBeGreaterThan(40);
    const undocumented = api.filter((r) => !operation(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
    expect(undocumented).toEqual([]);
  });

  it("documents nothing that is not a real route: every path and method answers in the app", () => {
    const real = new Set(apiRoutes().map((r) => `${r.method} ${openApiPath(r.url)}`));
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => httpMethods.has(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.length).toBe(real.size);
    expect(documented.filter((d) => !real.has(d))).toEqual([]);
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith("/api/v1/") || p === docUrl)).toEqual([]);
  });

  it("gives every operation a summary and tags", () => {
    const lacking: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        if (!op.summary?.trim()) lacking.push(`${method} ${path}: no summary`);
        if (!op.tags?.length || op.tags.some((t) => !t.trim())) lacking.push(`${method} ${path}: no tags`);
      }
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    expect(lacking).toEqual([]);
  });

  it("documents each path parameter of each route as required, and nothing else in the path", () => {
    const wrong: string[] = [];
    for (const r of apiRoutes()) {
      const inPath = (operation(r.method, r.url)?.parameters ?? []).filter((p) => p.in === "path");
      if (inPath.map((p) => p.name).join() !== r.params.join())
        wrong.push(`${r.method} ${r.url}: documents ${inPath.map((p) => p.name).join() || "none"}`);
      for (const p of inPath)
        if (p.required !== true) wrong.push(`${r.method} ${r.url}: ${p.name} not required`);
    }
    expect(apiRoutes().some((r) => r.params.length > 1)).toBe(true);
    expect(wrong).toEqual([]);
  });

  it("documents the JSON body and the query parameters of every route that reads them, as the app validates them", () => {
    const wrong: string[] = [];
    for (const r of apiRoutes()) {
      const op = operation(r.method, r.url);
      if (r.body) {
        const documented = Object.keys(bodySchema(op)?.properties ?? {}).sort();
        const validated = Object.keys(jsonSchemaOf(r.body).properties ?? {}).sort();
        if (documented.join() !== validated.join())
          wrong.push(`${r.method} ${r.url}: body documents [${documented}], validates [${validated}]`);
      }
      if (r.querystring) {
        const documented = (op?.parameters ?? [])
          .filter((p) => p.in === "query")
          .map((p) => p.name)
          .sort();
        const validated = Object.keys(jsonSchemaOf(r.querystring).properties ?? {}).sort();
        if (documented.join() !== validated.join())
          wrong.push(`${r.method} ${r.url}: query documents [${documented}], validates [${validated}]`);
      }
    }
    expect(apiRoutes().filter((r) => r.body).length).toBeGreaterThan(15);
    expect(wrong).toEqual([]);
  });

  it("every record create documents each field of its record type, its required ones, and that unknown fields are refused", () => {
    const specs = recordsWithJsonCreate();
    expect(specs.length).toBe(recordSpecs.all.length - 1);
    for (const spec of specs) {
      const op = operation("POST", `/api/v1/${spec.plural}`);
      const schema = bodySchema(op);
      expect(op?.requestBody?.required, spec.plural).toBe(true);
      expect(Object.keys(schema?.properties ?? {}), spec.plural).toEqual(
        expect.arrayContaining([
          "mandateId",
          "confidentiality",
          "restrictedTo",
          ...Object.keys(spec.fields).filter((f) => !spec.fields[f]?.readOnly),
        ]),
      );
      // What the server sets (a status moved by its own actions, an assigned reference) is never accepted.
      for (const [name, f] of Object.entries(spec.fields))
        if (f.readOnly)
          expect(Object.keys(schema?.properties ?? {}), `${spec.plural}.${name}`).not.toContain(name);
      expect(schema?.required ?? [], spec.plural).toEqual(
        expect.arrayContaining(["mandateId", ...requiredFields(spec)]),
      );
      expect(schema?.additionalProperties, spec.plural).toBe(false);
    }
  });

  it("the attachment upload documents, as query parameters, every attachment field a client supplies", () => {
    const spec = recordSpecs.all.find((s) => s.plural === "attachments") as RecordSpec;
    const op = operation("POST", "/api/v1/attachments");
    const query = (op?.parameters ?? []).filter((p) => p.in === "query");
    const names = query.map((p) => p.name);
    expect(names).toContain("mandateId");
    const supplied = Object.keys(spec.fields).filter((f) => !computedOnUpload.includes(f));
    expect(supplied.length).toBeGreaterThan(0);
    expect(names).toEqual(expect.arrayContaining(supplied));
    for (const name of ["mandateId", ...requiredFields(spec).filter((f) => supplied.includes(f))])
      expect(query.find((p) => p.name === name)?.required, name).toBe(true);
  });

  it("every record update documents each changeable field and the version, and leaves immutable ones out", () => {
    for (const spec of recordSpecs.all) {
      const props = Object.keys(
        bodySchema(operation("PATCH", `/api/v1/${spec.plural}/:id`))?.properties ?? {},
      );
      const changeable = Object.entries(spec.fields).filter(([, f]) => !f.immutable && !f.readOnly);
      const immutable = Object.entries(spec.fields).filter(([, f]) => f.immutable || f.readOnly);
      expect(props, spec.plural).toEqual(expect.arrayContaining(["version", ...changeable.map(([n]) => n)]));
      for (const [name] of immutable) expect(props, `${spec.plural}.${name}`).not.toContain(name);
    }
  });

  it("every record list documents paging, quick search, sorting and a filter per filterable field", () => {
    for (const spec of recordSpecs.all) {
      const params = operation("GET", `/api/v1/${spec.plural}`)?.parameters ?? [];
      const names = params.filter((p) => p.in === "query").map((p) => p.name);
      const filters = Object.entries(spec.fields).filter(([, f]) => f.filter);
      expect(names, spec.plural).toEqual(
        expect.arrayContaining([
          "mandateId",
          "q",
          "sort",
          "order",
          "limit",
          "cursor",
          ...filters.map(([n]) => n),
        ]),
      );
      const sortable = Object.entries(spec.fields).filter(([, f]) => f.sort);
      const sort = params.find((p) => p.name === "sort")?.schema?.enum ?? [];
      expect(sort, spec.plural).toEqual(
        expect.arrayContaining(["updatedAt", "createdAt", ...sortable.map(([n]) => n)]),
      );
    }
  });

  it("every record read documents each field of its record type in the answer", () => {
    for (const spec of recordSpecs.all) {
      const answer = operation("GET", `/api/v1/${spec.plural}/:id`)?.responses?.["200"]?.content?.[
        "application/json"
      ];
      expect(Object.keys(answer?.schema?.properties ?? {}), spec.plural).toEqual(
        expect.arrayContaining([
          "id",
          "type",
          "mandateId",
          "version",
          "abilities",
          ...Object.keys(spec.fields),
        ]),
      );
    }
  });
});
