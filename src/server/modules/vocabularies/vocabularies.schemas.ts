import { z } from "zod";

/** The HURIDOCS micro-thesauri file shape (`huridocs-esf-micro-thesauri.json`), which `vocab import` reads. */
export const thesauriFile = z.strictObject({
  source: z.string().optional(),
  lists: z
    .array(
      z.strictObject({
        code: z.number().int(),
        name: z
          .string()
          .regex(/^[a-z0-9_]+$/)
          .max(80),
        labels: z.record(z.string(), z.string().max(300)).optional(),
        terms: z
          .array(
            z.strictObject({
              huriCode: z.string().regex(/^\d{12}$/),
              vocabNumber: z.string().max(20),
              parent: z.string().max(20).nullable(),
              level: z.number().int().min(0).max(10),
              order: z.number().int(),
              labels: z.record(z.string(), z.string().max(500)),
            }),
          )
          .max(20_000),
      }),
    )
    .max(500),
});
export type ThesauriFile = z.infer<typeof thesauriFile>;

/** Korean labels shipped with the product, merged on import. */
export const labelsFile = z.object({
  lists: z.record(z.string(), z.object({ label: z.string(), terms: z.record(z.string(), z.string()) })),
});

export const listResponse = z.object({
  name: z.string(),
  number: z.number(),
  labels: z.record(z.string(), z.string()),
});
export const termResponse = z.object({
  list: z.string(),
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.number(),
  order: z.number(),
  labels: z.record(z.string(), z.string()),
  retired: z.boolean(),
});

export const termsQuery = z.strictObject({
  q: z.string().max(100).optional(),
  includeRetired: z.enum(["true", "false"]).optional(),
});

export const termPatch = z.strictObject({
  labels: z
    .partialRecord(z.enum(["en", "ko", "fr", "es", "zh"]), z.string().trim().min(1).max(500))
    .optional(),
  retired: z.boolean().optional(),
});
