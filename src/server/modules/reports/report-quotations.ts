import { createHash } from "node:crypto";
import type { QuotationBlock, ReportBody } from "../../../shared/report-body.js";
import type { Actor } from "../../platform/access/access.policies.js";
import type { QuotedSource, ReportsRepository } from "./reports.repository.js";

/** A short fingerprint of a text (never the text): how a quotation knows its source changed since it was chosen. */
export const fingerprint = (value: unknown) =>
  createHash("sha256")
    .update(typeof value === "string" ? value : JSON.stringify(value))
    .digest("hex")
    .slice(0, 16);

/** The excerpt a quotation points at, or null when the source's field is empty or shorter than the quotation. */
export function excerptOf(source: QuotedSource, q: Pick<QuotationBlock, "field" | "start" | "end">) {
  const text = source[q.field];
  if (typeof text !== "string" || q.end > text.length || q.start >= q.end) return null;
  return text.slice(q.start, q.end);
}

export const quotationsOf = (body: ReportBody) =>
  body.sections.flatMap((s) => s.blocks.filter((b): b is QuotationBlock => b.kind === "quotation"));

export interface ResolvedQuotation {
  block: QuotationBlock;
  /** The source as it is, whatever the reader may read (for the publication check only). */
  source: QuotedSource | undefined;
  /** Whether the reader may read the source: the text and the source are theirs to see only then. */
  readable: boolean;
  /** The excerpt, read from the source now; null when it no longer fits the source. */
  text: string | null;
  /** The excerpt is not the one chosen: the source changed since. */
  changed: boolean;
}

/** Reads every quotation of a body from its source, noting what the reader may read. */
export async function resolveQuotations(repo: ReportsRepository, actor: Actor, body: ReportBody) {
  const blocks = quotationsOf(body);
  const ids = blocks.map((b) => b.sourceId);
  const sources = new Map((await repo.sources(ids)).map((s) => [s.id, s]));
  const readable = await repo.readableSources(actor, ids);
  const out = new Map<string, ResolvedQuotation>();
  for (const block of blocks) {
    const source = sources.get(block.sourceId);
    const text = source ? excerptOf(source, block) : null;
    out.set(block.id, {
      block,
      source,
      readable: readable.has(block.sourceId),
      text,
      changed: text !== null && !!block.excerptHash && fingerprint(text) !== block.excerptHash,
    });
  }
  return out;
}
