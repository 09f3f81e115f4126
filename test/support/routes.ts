import type { RouteOptions } from "fastify";
import { type ZodType, z } from "zod";
import { buildApp } from "../../src/server/app.js";
import type { AppDeps } from "../../src/server/platform/http/deps.js";

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  minLength?: number;
  minItems?: number;
};

/** One method of one route as the app registered it (HEAD twins left out). */
export interface RegisteredRoute {
  method: string;
  url: string;
  /** Path parameter names, in order (`/mandates/:id/members/:userId` → id, userId). */
  params: string[];
  bodyLimit: number | undefined;
  hidden: boolean;
  body: ZodType | undefined;
  querystring: ZodType | undefined;
}

/**
 * Every route of a fresh app on these dependencies, seen through an `onRoute` hook: the ground truth the
 * malformed-input and OpenAPI tests enumerate, so a new route is covered without touching them.
 */
export async function registeredRoutes(deps: AppDeps): Promise<RegisteredRoute[]> {
  const seen: RegisteredRoute[] = [];
  const onRoute = (route: RouteOptions) => {
    const schema = (route.schema ?? {}) as { body?: ZodType; querystring?: ZodType; hide?: boolean };
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      seen.push({
        method,
        url: route.url,
        params: [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string),
        bodyLimit: route.bodyLimit,
        hidden: schema.hide === true,
        body: schema.body,
        querystring: schema.querystring,
      });
    }
  };
  const app = await buildApp(deps, { onRoute });
  await app.ready();
  await app.close();
  return seen;
}

/** The request JSON Schema of a zod schema, as the API documents it. */
export const jsonSchemaOf = (schema: ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

/** Fills `:params` of a route URL. */
export const fillPath = (route: RegisteredRoute, value: (param: string) => string) =>
  route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(value(name)));

/** The JSON types a schema admits (`integer` counts as `number`). */
export function typesOf(schema: JsonSchema): Set<string> {
  const out = new Set<string>();
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
    for (const t of typesOf(branch)) out.add(t);
  for (const t of [schema.type ?? []].flat()) out.add(t === "integer" ? "number" : t);
  for (const v of [...(schema.enum ?? []), ...("const" in schema ? [schema.const] : [])])
    out.add(v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  return out;
}

/** A value of a JSON type the schema does not admit, or undefined when it admits anything. */
export function wrongTypeFor(schema: JsonSchema): unknown {
  const allowed = typesOf(schema);
  if (!allowed.size) return undefined;
  const candidates: [string, unknown][] = [
    ["number", 12345],
    ["string", "12345"],
    ["boolean", true],
    ["array", ["x"]],
    ["object", { x: 1 }],
  ];
  return candidates.find(([t]) => !allowed.has(t))?.[1];
}

const knownPatterns: Record<string, string> = {
  "^\\d{12}$": "000000000000",
  "^[A-Z]{3}$": "PRK",
};

/** A smallest value the schema accepts: required properties only, first enum value, minimum numbers. */
export function sampleOf(schema: JsonSchema): unknown {
  const branch = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].find((b) => !typesOf(b).has("null"));
  if (branch) return sampleOf(branch);
  if (schema.enum?.length) return schema.enum[0];
  if ("const" in schema) return schema.const;
  const type = [schema.type ?? "string"].flat()[0];
  switch (type) {
    case "object":
      return Object.fromEntries(
        (schema.required ?? []).map((k) => [k, sampleOf(schema.properties?.[k] ?? {})]),
      );
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items ?? {}));
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return false;
    case "null":
      return null;
    default:
      if (schema.pattern && knownPatterns[schema.pattern]) return knownPatterns[schema.pattern];
      if (schema.format === "email") return "someone@example.org";
      if (schema.format === "date") return "2020-01-01";
      if (schema.format === "date-time") return "2030-01-01T00:00:00Z";
      return "x".repeat(Math.max(1, schema.minLength ?? 1));
  }
}
