import { z } from "zod";
import { isValidPartialDate } from "../../../shared/dates.js";

const list = z.string().max(2000).optional().describe("Comma-separated values; any of them matches");
const partialDate = z
  .string()
  .max(10)
  .refine((v) => isValidPartialDate(v, "approximate"), { message: "field.invalid_date" })
  .optional()
  .describe("YYYY, YYYY-MM or YYYY-MM-DD");

export const searchTypes = [
  "source",
  "event",
  "act",
  "person",
  "case",
  "communication",
  "report",
  "recommendation",
  "press_release",
] as const;
export const searchSorts = ["relevance", "date_desc", "date_asc"] as const;

/** One search: words in Korean or English, and facet filters that combine. */
export const searchQuery = z.strictObject({
  mandateId: z.string().min(1).max(64),
  q: z.string().max(500).optional(),
  type: list,
  actType: list,
  place: list,
  victimSex: list,
  perpetratorType: list,
  confidentiality: list,
  dateFrom: partialDate,
  dateTo: partialDate,
  sort: z.enum(searchSorts).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).max(10_000).optional(),
});
export type SearchQuery = z.infer<typeof searchQuery>;

const facetValue = z.object({ value: z.string(), count: z.number().int() });
const placeFacetValue = facetValue.extend({ label: z.record(z.string(), z.string()) });

export const searchResult = z.object({
  id: z.string(),
  recordType: z.enum(searchTypes),
  title: z.string(),
  date: z.string().nullable().describe("The record's date: YYYY, YYYY-MM or YYYY-MM-DD"),
  actType: z.string().nullable(),
  placeId: z.string().nullable(),
  confidentiality: z.string(),
  snippet: z
    .object({
      field: z.string(),
      text: z.string(),
      marks: z.array(z.tuple([z.number().int(), z.number().int()])),
      cutBefore: z.boolean(),
      cutAfter: z.boolean(),
    })
    .nullable(),
});

export const searchResponse = z.object({
  total: z.number().int(),
  items: z.array(searchResult),
  facets: z.object({
    recordType: z.array(facetValue),
    actType: z.array(facetValue.extend({ total: z.number().int() })),
    province: z.array(placeFacetValue),
    county: z.array(placeFacetValue),
    year: z.array(facetValue),
    victimSex: z.array(facetValue),
    perpetratorType: z.array(facetValue),
    confidentiality: z.array(facetValue),
  }),
});
export type SearchResponse = z.infer<typeof searchResponse>;

export const savedSearchInput = z.strictObject({
  mandateId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  query: z.string().max(4000),
});

export const savedSearch = z.object({
  id: z.string(),
  mandateId: z.string(),
  name: z.string(),
  query: z.string(),
  createdAt: z.string(),
});
