import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import {
  decodeText,
  detectDelimiter,
  detectEncoding,
  detectLineEnding,
  type ImportEncoding,
  type LineEnding,
} from "./table-encoding.js";

export type TableFormat = "csv" | "xlsx";

/** How a file is read: its format and, for text, its encoding, line ending and delimiter. */
export interface TableLayout {
  format: TableFormat;
  encoding: ImportEncoding | null;
  /** What detection found, whatever the user then chose. */
  detectedEncoding: ImportEncoding | null;
  /** False when the encoding was guessed between look-alikes (Mac Roman or Windows-1252). */
  encodingCertain: boolean;
  lineEnding: LineEnding | null;
  delimiter: string | null;
}

/** One row of a file: its line number as an editor (or the spreadsheet) shows it, and its cells as text. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** A file that cannot be read as a table, at a line when one is known. */
export class TableError extends Error {
  constructor(
    readonly code: string,
    readonly line: number | null,
  ) {
    super(code);
    this.name = "TableError";
  }
}

const zip = [0x50, 0x4b, 0x03, 0x04];
const oleCompound = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Buffer, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * What a file is, from its bytes (not its name): an XLSX workbook (a ZIP), a legacy binary one (refused), or text
 * to read as delimited values, with its encoding (or the user's choice), line ending and delimiter.
 * @example describeTable(bytes) // { format: "csv", encoding: "utf-8", lineEnding: "crlf", delimiter: ",", … }
 */
export function describeTable(bytes: Buffer, encodingOverride?: ImportEncoding): TableLayout {
  if (startsWith(bytes, zip))
    return {
      format: "xlsx",
      encoding: null,
      detectedEncoding: null,
      encodingCertain: true,
      lineEnding: null,
      delimiter: null,
    };
  if (startsWith(bytes, oleCompound)) throw new TableError("imports.unsupported_format", null);
  const detected = detectEncoding(bytes);
  const encoding = encodingOverride ?? detected.encoding;
  const text = decodeText(bytes.subarray(0, 1 << 20), encoding);
  return {
    format: "csv",
    encoding,
    detectedEncoding: detected.encoding,
    encodingCertain: detected.certain,
    lineEnding: detectLineEnding(text),
    delimiter: detectDelimiter(text),
  };
}

const lineBreaks = /\r\n|\r|\n/g;
const breaksIn = (cell: string) =>
  cell.includes("\n") || cell.includes("\r") ? (cell.match(lineBreaks) ?? []).length : 0;

/** Rows of a delimited text file, streamed: decoded on the fly, each with the line it starts on. */
async function* csvRows(file: string, layout: TableLayout): AsyncGenerator<TableRow> {
  const parser = parse({
    delimiter: layout.delimiter ?? ",",
    // Any of the three, so a file that mixes them (a CRLF file with one LF-only line) still splits into records.
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    bom: false,
  });
  pipeline(
    createReadStream(file),
    iconv.decodeStream(layout.encoding ?? "utf-8", { stripBOM: true }),
    parser,
    () => {
      // Errors reach the reader through the parser, which the pipeline destroys with them.
    },
  );
  let line = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const start = line;
      let breaks = 0;
      for (const cell of record) breaks += breaksIn(cell);
      line = start + 1 + breaks;
      yield { line: start, cells: record };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "CSV_QUOTE_NOT_CLOSED") throw new TableError("imports.unclosed_quote", line);
    if (typeof code === "string" && code.startsWith("CSV_"))
      throw new TableError("imports.malformed_csv", line);
    throw e;
  } finally {
    // A reader that stops early (a preview) closes the file.
    parser.destroy();
  }
}

const day = (d: Date) =>
  d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds()
    ? d.toISOString().slice(0, 19)
    : d.toISOString().slice(0, 10);

/** A spreadsheet cell as text: dates as YYYY-MM-DD, formulas by their result, rich text and links by their text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : day(value);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      error?: string;
    };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v || v.formula || v.sharedFormula) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return "";
  }
  return String(value);
}

/** Rows of the first worksheet of an XLSX workbook, streamed; the line is the spreadsheet's row number. */
async function* xlsxRows(file: string): AsyncGenerator<TableRow> {
  let reader: ExcelJS.stream.xlsx.WorkbookReader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "cache",
      worksheets: "emit",
      entries: "emit",
    });
  } catch {
    throw new TableError("imports.unreadable_xlsx", null);
  }
  let last = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        last = row.number;
        yield { line: row.number, cells };
      }
      break;
    }
  } catch (e) {
    if (e instanceof TableError) throw e;
    throw new TableError("imports.unreadable_xlsx", last || null);
  }
}

/**
 * Every row of a stored file, header included, streamed in order.
 * @example for await (const { line, cells } of readTableRows(path, describeTable(bytes))) …
 */
export function readTableRows(file: string, layout: TableLayout): AsyncGenerator<TableRow> {
  return layout.format === "xlsx" ? xlsxRows(file) : csvRows(file, layout);
}

/** Whether a row holds nothing but blanks (an empty line, or a spreadsheet row with formatting only). */
export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

/**
 * About how many data rows a text file holds, in one pass over its characters (line breaks outside quoted cells,
 * less the header): enough for a progress bar before the file is read.
 */
export function estimateCsvRows(bytes: Buffer, layout: TableLayout): number {
  const text = decodeText(bytes, layout.encoding ?? "utf-8");
  let lines = 0;
  let quoted = false;
  let filled = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (filled) lines++;
      filled = false;
      continue;
    }
    filled = true;
  }
  if (filled) lines++;
  return Math.max(0, lines - 1);
}
