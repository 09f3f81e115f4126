/** The current time as the ISO-8601 UTC text every table stores. */
export const nowIso = () => new Date().toISOString();

/** A time `ms` milliseconds from now, as stored text. */
export const isoFromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

/** Today as a calendar day, YYYY-MM-DD (UTC). */
export const today = () => nowIso().slice(0, 10);

/** The calendar day `days` after (or before, when negative) `day`. */
export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
