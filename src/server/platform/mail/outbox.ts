import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { decodeMimeWords } from "./mime-words.js";

/** `20260301T120000Z-<job id>.eml`: sortable by date, unique per job, nothing else. */
const fileNamePattern = /^\d{8}T\d{6}Z-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.eml$/;

export const outboxDir = (dataDir: string) => path.join(dataDir, "outbox");

/** True only for names the outbox itself writes: no separators, no dots but the extension. */
export const isOutboxFileName = (name: string) => fileNamePattern.test(name);

/** The file of an e-mail job: named by its creation time and id, so a resend overwrites rather than doubles. */
export const outboxFileName = (createdAt: string, jobId: string) =>
  `${createdAt.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-${jobId}.eml`;

/** Writes one message into the outbox (directory 0700, file 0600), whole or not at all. */
export function writeOutboxFile(dataDir: string, name: string, raw: Buffer): void {
  if (!isOutboxFileName(name)) throw new Error("not an outbox file name");
  const dir = outboxDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${name}.tmp`);
  writeFileSync(temp, raw, { mode: 0o600, flush: true });
  renameSync(temp, path.join(dir, name));
}

/** The path of an outbox file, or null when the name is not one (never a path outside the outbox). */
export function outboxFilePath(dataDir: string, name: string): string | null {
  if (!isOutboxFileName(name)) return null;
  const file = path.join(outboxDir(dataDir), name);
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** The header block of a message, unfolded, as lowercase name → value (first occurrence). */
function readHeaders(file: string): Map<string, string> {
  const buf = Buffer.alloc(16 * 1024);
  const fd = openSync(file, "r");
  let length: number;
  try {
    length = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  const head =
    buf
      .subarray(0, length)
      .toString("utf8")
      .split(/\r?\n\r?\n/)[0] ?? "";
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && !headers.has(name)) headers.set(name, decodeMimeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

export interface OutboxEntry {
  name: string;
  date: string;
  to: string;
  subject: string;
  size: number;
}

/** The newest `limit` messages of the outbox, newest first. */
export function listOutbox(dataDir: string, limit: number): OutboxEntry[] {
  let names: string[];
  try {
    names = readdirSync(outboxDir(dataDir)).filter(isOutboxFileName);
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .slice(0, limit)
    .map((name) => {
      const file = path.join(outboxDir(dataDir), name);
      const h = readHeaders(file);
      const date = new Date(h.get("date") ?? "");
      return {
        name,
        date: Number.isNaN(date.getTime()) ? statSync(file).mtime.toISOString() : date.toISOString(),
        to: h.get("to") ?? "",
        subject: h.get("subject") ?? "",
        size: statSync(file).size,
      };
    });
}
