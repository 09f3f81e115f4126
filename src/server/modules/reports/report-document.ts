/** What exporters render (DOCX, PDF, HTML); built only from what may be published or read by the one exporting. */

export interface ReportFootnote {
  number: number;
  text: string;
}

export type ReportBlock =
  /** Footnote markers go at the end of the paragraph text; footnotes are numbered continuously across the report. */
  | { kind: "paragraph"; number: number; text: string; footnotes: ReportFootnote[] }
  /** Indented, not numbered. */
  | { kind: "quotation"; text: string; attribution: string | null; footnotes: ReportFootnote[] }
  /** A live statistic, frozen or refreshed; `note` states its filters. */
  | { kind: "table"; caption: string; columns: string[]; rows: string[][]; note: string | null };

/** "74. The Special Rapporteur recommends that the Government of China: (a)…; (b)…" */
export interface ReportRecommendationGroup {
  number: number;
  addressee: string;
  items: string[];
}

export interface ReportDocument {
  language: "en" | "ko";
  /** A/72/394, A/HRC/37/56/Add.2 */
  symbol: string;
  /** "General" */
  distribution: string;
  /** YYYY-MM-DD */
  date: string;
  /** "English" */
  originalLanguage: string;
  /** "General Assembly" | "Human Rights Council" */
  organ: string;
  /** "Seventy-second session" */
  session: string;
  /** "Item 73 (c) of the provisional agenda" */
  agendaItem: string;
  title: string;
  /** "Report of the Special Rapporteur on …" */
  subtitle: string | null;
  summary: string;
  sections: { heading: string; blocks: ReportBlock[] }[];
  recommendations: { heading: string; intro: string | null; groups: ReportRecommendationGroup[] } | null;
  /** Staff copies only: a line to print on every page ("Internal draft — not for distribution"). */
  marking?: string | null;
}
