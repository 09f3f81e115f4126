import { isTextLocked, pressReleaseStatuses } from "../../../shared/press-releases.js";
import type { Actor } from "../../platform/access/access.policies.js";
import { forbidden } from "../../platform/errors/app-error.js";
import { defineRecordSpec, type Problems } from "../../platform/records/record-spec.js";
import { indexRecords } from "../search/search-index.usecases.js";
import { followPublishTime } from "./press-release-schedule.js";
import { slugMax, slugPattern } from "./press-release-slugs.js";
import { isPublishAt, languageFields, mayPublish, textFields } from "./press-releases.policies.js";

type Row = Record<string, unknown>;
const columnOf: Record<string, string> = { ...textFields, publishAt: "publish_at" };
const filled = (v: unknown) => typeof v === "string" && v.trim() !== "";

/** The checks of the publication time: its form, and once scheduled a time still to come, moved by a publisher. */
function checkPublishAt(input: Row, actor: Actor, mandateId: string, existing?: Row): Problems {
  const publishAt = input.publishAt;
  if (typeof publishAt === "string" && !isPublishAt(publishAt))
    return { publishAt: { code: "field.invalid_format" } };
  if (existing?.status !== "scheduled" || publishAt === undefined || publishAt === existing.publish_at)
    return {};
  // Moving a scheduled release is scheduling it again: the same people decide.
  if (!mayPublish(actor, mandateId)) throw forbidden();
  if (publishAt === null) return { publishAt: { code: "field.required" } };
  return Date.parse(publishAt as string) <= Date.now()
    ? { publishAt: { code: "press-releases.publish_at_past" } }
    : {};
}

/**
 * Checks a release's text (a title in at least one language; a language with a title has its body and the other way
 * round), its slug, its publication time, and that nothing of a scheduled or published release's text changes.
 */
function checkPressRelease(
  input: Row,
  { actor, mandateId, existing }: { actor: Actor; mandateId: string; existing?: Row },
): Problems {
  const problems: Problems = checkPublishAt(input, actor, mandateId, existing);
  const value = (field: string) =>
    input[field] !== undefined ? input[field] : existing?.[columnOf[field] ?? ""];
  if (input.slug === null && existing) problems.slug = { code: "field.required" };
  if (typeof input.slug === "string" && !slugPattern.test(input.slug))
    problems.slug = { code: "field.invalid_format" };
  if (!languageFields.some((l) => filled(value(l.title))))
    for (const l of languageFields) problems[l.title] = { code: "press-releases.title_needed" };
  for (const l of languageFields) {
    if (filled(value(l.title)) && !filled(value(l.body))) problems[l.body] = { code: "field.required" };
    if (filled(value(l.body)) && !filled(value(l.title))) problems[l.title] = { code: "field.required" };
  }
  const status = String(existing?.status ?? "draft");
  if (isTextLocked(status)) {
    const locked = status === "published" ? columnOf : textFields;
    for (const [field, column] of Object.entries(locked))
      if (input[field] !== undefined && (input[field] ?? null) !== (existing?.[column] ?? null))
        problems[field] = { code: "press-releases.text_locked", params: { status } };
    if (Array.isArray(input.restrictedTo) && input.restrictedTo.length)
      problems.restrictedTo = { code: "press-releases.restricted" };
  }
  if (status === "published" && input.confidentiality !== undefined && input.confidentiality !== "public")
    problems.confidentiality = { code: "press-releases.published_public" };
  return problems;
}

/**
 * A press release of the mandate, one record in both languages (either may be missing): dateline, title, plain-text
 * summary and Markdown body per language, its portal address (slug) and its lifecycle draft → review → scheduled →
 * published, moved by POST /press-releases/{id}/transitions.
 */
export const pressReleaseSpec = defineRecordSpec({
  type: "press_release",
  plural: "press-releases",
  table: "press_releases",
  defaultConfidentiality: "internal",
  quickSearch: ["title_en", "title_ko", "summary_en", "summary_ko", "slug"],
  unique: ["slug"],
  afterWrite: async (db, id) => {
    await followPublishTime(db, id);
    await indexRecords(db, "press_release", [id]);
  },
  fields: {
    status: {
      column: "status",
      type: { kind: "enum", values: pressReleaseStatuses },
      filter: true,
      sort: true,
      readOnly: true,
      doc: "draft → review → scheduled → published; moved by POST /press-releases/{id}/transitions",
    },
    slug: {
      column: "slug",
      type: { kind: "text", max: slugMax },
      filter: true,
      sort: true,
      doc: "The release's address on the portal, unique in the mandate: lowercase ASCII words and hyphens. Made from the date and the English title (or a short random part) when not given",
    },
    location: { column: "location", type: { kind: "text", max: 200 }, doc: "The dateline: Geneva, Seoul" },
    titleEn: { column: "title_en", type: { kind: "text", max: 300 }, sort: true },
    titleKo: { column: "title_ko", type: { kind: "text", max: 300 }, sort: true },
    summaryEn: { column: "summary_en", type: { kind: "text", max: 1000 }, doc: "Plain text" },
    summaryKo: { column: "summary_ko", type: { kind: "text", max: 1000 }, doc: "Plain text" },
    bodyEn: { column: "body_en", type: { kind: "text", max: 100_000 }, doc: "Markdown" },
    bodyKo: { column: "body_ko", type: { kind: "text", max: 100_000 }, doc: "Markdown" },
    publishAt: {
      column: "publish_at",
      type: { kind: "text", max: 30 },
      sort: true,
      doc: "When a scheduled release goes out: ISO 8601 in UTC, 2026-12-01T09:00:00Z",
    },
    publishedAt: {
      column: "published_at",
      type: { kind: "text", max: 30 },
      sort: true,
      readOnly: true,
      doc: "When it went out",
    },
  },
  check: (input, ctx) => checkPressRelease(input, ctx),
});
