import { z } from "zod";
import { isValidPartialDate } from "../../../shared/dates.js";
import { confidentialityLevels } from "../access/access.policies.js";
import { datePrecisions, type FieldKind, type RecordSpec } from "./record-spec.js";

export const idSchema = z.string().min(1).max(64);
export const confidentialitySchema = z.enum(confidentialityLevels);

export const partialDateSchema = z
  .strictObject({ value: z.string().max(10), precision: z.enum(datePrecisions) })
  .refine((d) => isValidPartialDate(d.value, d.precision), { message: "field.invalid_date", path: ["value"] })
  .meta({
    description: "A date with its precision: 2016 (year), 2016-05 (month), 2016-05-12 (day), or approximate.",
  });

/** The zod schema of a field's value as the API accepts it. */
export function valueSchema(type: FieldKind): z.ZodType {
  switch (type.kind) {
    case "text":
      return type.required ? z.string().trim().min(1).max(type.max) : z.string().max(type.max);
    case "enum":
      return z.enum(type.values);
    case "int":
      return z.number().int().min(type.min).max(type.max);
    case "number":
      return z.number().min(type.min).max(type.max);
    case "bool":
      return z.boolean();
    case "vocab":
      return z
        .string()
        .regex(/^\d{12}$/, "field.invalid_format")
        .meta({ description: `Term code of the ${type.list} list` });
    case "ref":
      return idSchema;
    case "date":
      return partialDateSchema;
    case "stringList":
      return z.array(z.string().min(1).max(type.maxLength)).max(type.maxItems);
    case "day":
      return daySchema;
    case "country":
      return z
        .string()
        .regex(/^[A-Z]{3}$/, "field.invalid_format")
        .meta({ description: "ISO 3166-1 alpha-3" });
  }
}

export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "field.invalid_date")
  .refine((d) => isValidPartialDate(d, "day"), { message: "field.invalid_date" })
  .meta({ description: "A calendar day, YYYY-MM-DD" });

const isRequired = (type: FieldKind) => "required" in type && type.required === true;

const restrictedToSchema = z
  .array(idSchema)
  .max(200)
  .nullable()
  .meta({ description: "Users who alone may see the record; null lifts the restriction." });

const createBodies = new WeakMap<RecordSpec, z.ZodObject>();

/** Body of POST /api/v1/{plural}. Unknown fields are rejected. Built once per spec: building costs more than checking. */
export function createBodySchema(spec: RecordSpec): z.ZodObject {
  const built = createBodies.get(spec);
  if (built) return built;
  const shape: Record<string, z.ZodType> = {
    mandateId: idSchema,
    confidentiality: confidentialitySchema.optional(),
    restrictedTo: restrictedToSchema.optional(),
  };
  for (const [name, f] of Object.entries(spec.fields)) {
    if (f.readOnly) continue;
    const s = valueSchema(f.type);
    shape[name] = isRequired(f.type) ? s : s.nullable().optional();
  }
  const schema = z.strictObject(shape);
  createBodies.set(spec, schema);
  return schema;
}

/** Body of PATCH /api/v1/{plural}/:id: any subset of fields, with the version the caller last saw. */
export function updateBodySchema(spec: RecordSpec) {
  const shape: Record<string, z.ZodType> = {
    version: z.number().int().min(1).optional(),
    confidentiality: confidentialitySchema.optional(),
    restrictedTo: restrictedToSchema.optional(),
  };
  for (const [name, f] of Object.entries(spec.fields)) {
    if (f.immutable || f.readOnly) continue;
    const s = valueSchema(f.type);
    shape[name] = isRequired(f.type) ? s.optional() : s.nullable().optional();
  }
  return z.strictObject(shape);
}

/** Query of GET /api/v1/{plural}. */
export function listQuerySchema(spec: RecordSpec) {
  const sortable = [
    "updatedAt",
    "createdAt",
    ...Object.entries(spec.fields)
      .filter(([, f]) => f.sort)
      .map(([n]) => n),
  ] as [string, ...string[]];
  const shape: Record<string, z.ZodType> = {
    mandateId: idSchema.optional(),
    confidentiality: confidentialitySchema.optional(),
    q: z.string().max(200).optional(),
    sort: z.enum(sortable).optional(),
    order: z.enum(["asc", "desc"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    cursor: z.string().max(500).optional(),
    ids: z
      .string()
      .max(6600)
      .regex(/^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,99}$/, "field.invalid_format")
      .optional()
      .describe("Only these records: up to 100 comma-separated ids (unreadable ones are simply absent)"),
  };
  for (const [name, f] of Object.entries(spec.fields))
    if (f.filter) shape[name] = z.string().max(100).optional();
  return z.strictObject(shape);
}

const abilitiesSchema = z.object({
  read: z.boolean(),
  update: z.boolean(),
  export: z.boolean(),
  readIdentity: z.boolean(),
  updateIdentity: z.boolean(),
  restrict: z.boolean(),
  viewAudit: z.boolean(),
});

/** The record as the API returns it, with the caller's abilities on it. */
export function recordResponseSchema(spec: RecordSpec, extra: Record<string, z.ZodType> = {}) {
  const shape: Record<string, z.ZodType> = {
    id: z.string(),
    type: z.literal(spec.type),
    mandateId: z.string().nullable(),
    confidentiality: confidentialitySchema,
    restrictedTo: z.array(z.string()).nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    abilities: abilitiesSchema,
    ...extra,
  };
  for (const [name, f] of Object.entries(spec.fields)) shape[name] = outputSchema(f.type).nullable();
  return z.object(shape);
}

/** A field's value as the API returns it: plain types, so a stored value never fails serialisation. */
function outputSchema(type: FieldKind): z.ZodType {
  switch (type.kind) {
    case "int":
    case "number":
      return z.number();
    case "bool":
      return z.boolean();
    case "date":
      return z.object({ value: z.string(), precision: z.string() });
    case "stringList":
      return z.array(z.string());
    case "enum":
      return z.enum(type.values);
    default:
      return z.string();
  }
}

export const listResponseSchema = (item: z.ZodType) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
