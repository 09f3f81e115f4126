/**
 * Numbers of a report, computed from its body every time, never stored: paragraphs are numbered continuously across
 * sections, footnotes continuously across the report (paragraphs and quotations alike), and the recommendations
 * continue after the last paragraph. Pure, so the editor and the exports number alike.
 */

export const quotedFields = ["summary", "transcript"] as const;
export const statisticPeriods = ["none", "year", "quarter", "month"] as const;
export const statisticSplits = [
  "none",
  "actType",
  "province",
  "county",
  "victimSex",
  "perpetratorType",
] as const;

interface NumberedBody {
  sections: { blocks: ({ kind: string; id: string } & { footnotes?: { id: string }[] })[] }[];
}

export interface ReportNumbers {
  /** Paragraph block id → its number. */
  paragraphs: Map<string, number>;
  /** Footnote id → its number. */
  footnotes: Map<string, number>;
  /** The number the first group of recommendations takes. */
  nextParagraph: number;
}

/**
 * @example numberReport(body).paragraphs.get("p-intro-1") // 1
 */
export function numberReport(body: NumberedBody): ReportNumbers {
  const paragraphs = new Map<string, number>();
  const footnotes = new Map<string, number>();
  let p = 0;
  let f = 0;
  for (const s of body.sections)
    for (const b of s.blocks) {
      if (b.kind === "paragraph") paragraphs.set(b.id, ++p);
      for (const n of b.footnotes ?? []) footnotes.set(n.id, ++f);
    }
  return { paragraphs, footnotes, nextParagraph: p + 1 };
}
