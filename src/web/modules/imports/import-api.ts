import { uploadWithProgress } from "../../api/upload.js";

/** Record types a file may be imported as, in the order the wizard offers them. */
export const importTypes = ["recommendations", "persons", "sources", "events", "acts"] as const;
export type ImportType = (typeof importTypes)[number];
export const importEncodings = [
  "utf-8",
  "utf-16le",
  "utf-16be",
  "windows-1252",
  "macintosh",
  "euc-kr",
] as const;

export interface ImportTarget {
  name: string;
  record: "main" | "event";
  kind: string;
  required: boolean;
  list: string | null;
  values: string[] | null;
}

export interface Preview {
  uploadId: string;
  filename: string;
  type: ImportType;
  format: "csv" | "xlsx";
  encoding: string | null;
  detectedEncoding: string | null;
  encodingCertain: boolean;
  lineEnding: "crlf" | "lf" | "cr" | null;
  delimiter: string | null;
  headers: string[];
  rows: { line: number; cells: string[] }[];
  rowCount: number;
  expiresAt: string;
  targets: ImportTarget[];
}

export interface MappingColumn {
  column: string;
  field: string;
}
export interface Mapping {
  columns: MappingColumn[];
  eventKey?: string | null;
}
export interface SavedMapping extends Mapping {
  id: string;
  name: string;
  type: string;
  updatedAt: string;
}

export interface RowError {
  line: number | null;
  column: string | null;
  field: string | null;
  code: string;
  message: string;
}

export interface DryRun {
  ok: boolean;
  rows: number;
  counts: Record<string, number>;
  errors: RowError[];
  truncated: boolean;
}

export interface ImportRun {
  id: string;
  mandateId: string;
  type: string;
  filename: string;
  format: string;
  encoding: string | null;
  status: "running" | "succeeded" | "failed";
  progress: {
    phase: "reading" | "checking" | "writing" | "done";
    done: number;
    total: number;
    percent: number;
  };
  rowsTotal: number;
  mapping: { name: string | null; columns: MappingColumn[]; eventKey: string | null };
  counts: Record<string, number>;
  createdIds?: Record<string, string[]>;
  errors: RowError[];
  startedBy: string;
  startedByName: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/**
 * Sends a file as the raw body of `POST /imports/preview`, reporting upload progress (fetch cannot), with the
 * session's CSRF token and the user's language; resolves to what the server found in it.
 */
export function uploadForPreview(
  file: File,
  target: { mandateId: string; type: ImportType; encoding?: string | undefined },
  onProgress: (loaded: number, total: number) => void,
): Promise<Preview> {
  const query = new URLSearchParams({
    mandateId: target.mandateId,
    type: target.type,
    filename: file.name,
  });
  if (target.encoding) query.set("encoding", target.encoding);
  return uploadWithProgress<Preview>(`/api/v1/imports/preview?${query.toString()}`, file, 200, onProgress);
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * A first mapping for a file: each column whose header names a field (`Source body`, `source_body`, `sourceBody`,
 * or the field's label in the user's language) fills that field.
 */
export function guessMapping(headers: string[], targets: ImportTarget[], label: (t: ImportTarget) => string) {
  const columns: MappingColumn[] = [];
  const used = new Set<string>();
  for (const column of headers) {
    const key = squash(column);
    const target = targets.find(
      (t) => !used.has(t.name) && key !== "" && (squash(t.name) === key || squash(label(t)) === key),
    );
    if (target) {
      used.add(target.name);
      columns.push({ column, field: target.name });
    }
  }
  return columns;
}
