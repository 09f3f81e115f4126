import { z } from "zod";
import { searchQuery } from "../search/search.schemas.js";

export const periods = ["month", "quarter", "year"] as const;
export const dimensions = ["none", "actType", "province", "county", "victimSex", "perpetratorType"] as const;

/** Acts over time, split by one dimension, under the same filters as the search. */
export const actsOverTimeQuery = searchQuery
  .omit({ sort: true, limit: true, offset: true, type: true })
  .extend({
    period: z.enum(periods).optional(),
    by: z.enum(dimensions).optional(),
    actTypeLevel: z.coerce
      .number()
      .int()
      .min(0)
      .max(5)
      .optional()
      .describe("Roll act types up to this level"),
  });
export type ActsOverTimeQuery = z.infer<typeof actsOverTimeQuery>;

export const actsOverTimeResponse = z.object({
  period: z.enum(periods),
  by: z.enum(dimensions),
  periods: z.array(z.string()).describe("Every period from the first to the last, gaps included"),
  series: z.array(
    z.object({
      key: z.string().nullable(),
      label: z.record(z.string(), z.string()).optional(),
      total: z.number().int(),
      counts: z.array(z.number().int()).describe("One count per entry of `periods`"),
    }),
  ),
  total: z.number().int().describe("Sum of the counts (by perpetrator type, an act counts once per type)"),
  undated: z.number().int().describe("Acts without a date precise enough for the period"),
});
export type ActsOverTime = z.infer<typeof actsOverTimeResponse>;

export const topPlacesResponse = z.object({
  items: z.array(
    z.object({
      placeId: z.string(),
      level: z.string(),
      label: z.record(z.string(), z.string()),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      count: z.number().int(),
    }),
  ),
});
