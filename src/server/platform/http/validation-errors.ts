import type { FieldProblem } from "../errors/app-error.js";

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const pathOf = (instancePath: string) => instancePath.replace(/^\//, "").replaceAll("/", ".") || "body";

/** Turns zod issues (as fastify hands them over) into field problems with stable codes; input values are never echoed. */
export function fieldProblemsFrom(items: ValidationItem[]): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const item of items) {
    const p = item.params ?? {};
    const field = pathOf(item.instancePath);
    // A schema may name its own problem code as the message (`.min(12, "field.weak_password")`).
    if (item.message?.startsWith("field.") && item.keyword !== "unrecognized_keys") {
      out[field] = { code: item.message };
      continue;
    }
    switch (item.keyword) {
      case "unrecognized_keys":
        for (const key of (p.keys as string[]) ?? [])
          out[field === "body" ? key : `${field}.${key}`] = { code: "field.unknown" };
        break;
      case "invalid_type":
        out[field] = item.message?.includes("received undefined")
          ? { code: "field.required" }
          : { code: "field.invalid_type", params: { expected: String(p.expected ?? "") } };
        break;
      case "too_big":
        out[field] =
          p.origin === "string"
            ? { code: "field.too_long", params: { max: Number(p.maximum) } }
            : { code: "field.too_big", params: { max: Number(p.maximum) } };
        break;
      case "too_small":
        out[field] =
          p.origin === "string" && Number(p.minimum) === 1
            ? { code: "field.required" }
            : p.origin === "string"
              ? { code: "field.too_short", params: { min: Number(p.minimum) } }
              : { code: "field.too_small", params: { min: Number(p.minimum) } };
        break;
      case "invalid_value":
        out[field] = {
          code: "field.invalid_value",
          params: { options: ((p.values as unknown[]) ?? []).join(", ") },
        };
        break;
      case "invalid_format":
        out[field] = { code: "field.invalid_format" };
        break;
      default:
        out[field] = { code: item.message?.startsWith("field.") ? item.message : "field.invalid" };
    }
  }
  return out;
}

/**
 * Names every string of a request (params, query, JSON body) holding a NUL character: PostgreSQL cannot store one,
 * so neither dialect takes it. Raw upload bodies (buffers) are not text and are left alone; nesting deeper than any
 * schema goes is not walked (zod refuses it anyway).
 */
export function nulCharacterProblems(parts: unknown[]): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  const walk = (value: unknown, path: string, depth: number) => {
    if (typeof value === "string") {
      if (value.includes("\u0000")) out[path || "body"] = { code: "field.nul_character" };
    } else if (value && typeof value === "object" && !Buffer.isBuffer(value) && depth < 16) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, depth + 1);
    }
  };
  for (const part of parts) walk(part, "", 0);
  return out;
}
