const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A stored publication time (UTC) as the value of a `datetime-local` input, in the reader's own time zone.
 * @example localInputOf("2026-12-01T09:00:00Z") // "2026-12-01T10:00" in Geneva in winter
 */
export function localInputOf(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The value of a `datetime-local` input (the reader's local time) as the UTC time the API takes, or null if empty
 * or not a time.
 * @example isoOfLocalInput("2026-12-01T10:00") // "2026-12-01T09:00:00.000Z" in Geneva in winter
 */
export function isoOfLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A publication time for people: date and hour in the reader's language and time zone. */
export function formatPublishTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/** The reader's time zone, named for the hint next to the time input (e.g. "Europe/Zurich"). */
export const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
