import { z } from "zod";
import { isValidPartialDate } from "./dates.js";
import { quotedFields, statisticPeriods, statisticSplits } from "./report-numbering.js";

/**
 * The body of a report: summary, sections of blocks (paragraphs, quotations by reference, live statistics), and the
 * introduction of its recommendations. One schema, checked by the server on every save; paragraph and footnote
 * numbers are never stored (see report-numbering.ts).
 */

const blockId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "field.invalid_format");
const recordId = z.string().min(1).max(64);
const termCode = z.string().regex(/^\d{12}$/, "field.invalid_format");
const partialDate = z
  .string()
  .max(10)
  .refine((v) => isValidPartialDate(v, "approximate"), { message: "field.invalid_date" });

export const footnoteSchema = z.strictObject({ id: blockId, text: z.string().trim().min(1).max(5000) });
const footnotes = z.array(footnoteSchema).max(40);

export const paragraphBlockSchema = z.strictObject({
  kind: z.literal("paragraph"),
  id: blockId,
  text: z.string().max(20_000),
  footnotes,
});

/** A quotation inserted by reference: the source and the exact place of the excerpt; its text is read from there. */
export const quotationBlockSchema = z
  .strictObject({
    kind: z.literal("quotation"),
    id: blockId,
    sourceId: recordId,
    field: z.enum(quotedFields),
    /** UTF-16 offsets into the source field, end exclusive. */
    start: z.number().int().min(0).max(500_000),
    end: z.number().int().min(1).max(500_000),
    /** Fingerprint of the excerpt when it was chosen (set by the server): a changed source shows. */
    excerptHash: z
      .string()
      .regex(/^[0-9a-f]{16}$/, "field.invalid_format")
      .nullable()
      .optional(),
    /** Shown under the quotation ("a woman interviewed in Seoul, July 2017"). */
    attribution: z.string().max(300).nullable(),
    /** The quotation names or identifies its speaker: it then needs attributed public consent. */
    attributed: z.boolean(),
    footnotes,
  })
  .refine((q) => q.end > q.start && q.end - q.start <= 5000, { message: "field.invalid", path: ["end"] });

/** What a live statistic counts: coded acts under the search's filters, per period, split by one dimension. */
export const statisticQuerySchema = z.strictObject({
  actType: z.array(termCode).max(20),
  place: z.array(recordId).max(50),
  victimSex: z.array(termCode).max(10),
  perpetratorType: z.array(termCode).max(20),
  dateFrom: partialDate.nullable(),
  dateTo: partialDate.nullable(),
  period: z.enum(statisticPeriods),
  by: z.enum(statisticSplits),
});
export type StatisticQuery = z.infer<typeof statisticQuerySchema>;

/** A statistic as last computed (by the server: what a client sends here is ignored). */
export const statisticTableSchema = z.strictObject({
  /** The first column names the rows (period, or the split); the others are counts. */
  columns: z.array(z.string().max(300)).max(40),
  rows: z
    .array(z.strictObject({ label: z.string().max(300), counts: z.array(z.number().int()).max(40) }))
    .max(400),
  total: z.number().int(),
  /** Acts left out because their date is not precise enough for the period. */
  undated: z.number().int(),
  /** The filters, stated in words, in the report's language. */
  note: z.string().max(3000),
  computedAt: z.string().max(40),
  computedBy: z.string().max(64).nullable(),
});
export type StatisticTable = z.infer<typeof statisticTableSchema>;

export const statisticBlockSchema = z.strictObject({
  kind: z.literal("statistic"),
  id: blockId,
  caption: z.string().max(500),
  query: statisticQuerySchema,
  table: statisticTableSchema.nullable().optional(),
});

export const reportBlockSchema = z.discriminatedUnion("kind", [
  paragraphBlockSchema,
  quotationBlockSchema,
  statisticBlockSchema,
]);

export const reportSectionSchema = z.strictObject({
  id: blockId,
  heading: z.string().max(300),
  blocks: z.array(reportBlockSchema).max(300),
});

/** Roughly what a long report takes; far below the request limit. */
export const maxBodyLength = 800_000;

export const reportBodySchema = z
  .strictObject({
    summary: z.string().max(20_000),
    sections: z.array(reportSectionSchema).max(60),
    recommendationsIntro: z.string().max(5000).nullable().optional(),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.sections.forEach((s, i) => {
      const ids = [
        s.id,
        ...s.blocks.flatMap((b) => [b.id, ...("footnotes" in b ? b.footnotes.map((f) => f.id) : [])]),
      ];
      for (const id of ids) {
        if (seen.has(id))
          ctx.addIssue({ code: "custom", message: "field.taken", path: ["sections", i, "id"] });
        seen.add(id);
      }
    });
    if (JSON.stringify(body).length > maxBodyLength)
      ctx.addIssue({ code: "custom", message: "field.invalid", path: ["sections"] });
  });

export type ReportBody = z.infer<typeof reportBodySchema>;
export type ReportSection = z.infer<typeof reportSectionSchema>;
export type ReportBodyBlock = z.infer<typeof reportBlockSchema>;
export type ParagraphBlock = z.infer<typeof paragraphBlockSchema>;
export type QuotationBlock = z.infer<typeof quotationBlockSchema>;
export type StatisticBlock = z.infer<typeof statisticBlockSchema>;

export const emptyReportBody = (): ReportBody => ({ summary: "", sections: [], recommendationsIntro: null });

/**
 * The report's own words as plain text, for search: summary, headings, paragraphs, footnotes and captions. Quoted
 * excerpts are left out: they are the source's words, under the source's access rules.
 * @example reportBodyText('{"summary":"…","sections":[]}')
 */
export function reportBodyText(stored: string | null): string {
  if (!stored) return "";
  let body: Partial<ReportBody>;
  try {
    body = JSON.parse(stored) as Partial<ReportBody>;
  } catch {
    return "";
  }
  const parts: string[] = [body.summary ?? ""];
  for (const s of body.sections ?? []) {
    parts.push(s.heading);
    for (const b of s.blocks) {
      if (b.kind === "paragraph") parts.push(b.text);
      if (b.kind === "statistic") parts.push(b.caption);
      if ("footnotes" in b) for (const f of b.footnotes) parts.push(f.text);
    }
  }
  parts.push(body.recommendationsIntro ?? "");
  return parts.filter(Boolean).join("\n");
}
