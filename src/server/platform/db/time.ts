/** The current time as the ISO-8601 UTC text every table stores. */
export const nowIso = () => new Date().toISOString();

/** A time `ms` milliseconds from now, as stored text. */
export const isoFromNow = (ms: number) => new Date(Date.now() + ms).toISOString();
