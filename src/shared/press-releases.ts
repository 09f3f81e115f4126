/** The rules of press releases that the server enforces and the staff application shows: one copy for both. */

/** A release's lifecycle, in its order: draft → review → scheduled → published. */
export const pressReleaseStatuses = ["draft", "review", "scheduled", "published"] as const;
export type PressReleaseStatus = (typeof pressReleaseStatuses)[number];

/** The moves of a release's lifecycle, in the order they are offered. */
export const pressReleaseTransitions = [
  "submit",
  "return",
  "schedule",
  "unschedule",
  "publish",
  "unpublish",
] as const;
export type PressReleaseTransition = (typeof pressReleaseTransitions)[number];

const lockedStatuses: readonly string[] = ["scheduled", "published"] satisfies PressReleaseStatus[];

/**
 * Whether a release's text (and its images) is fixed in this status: what was reviewed is what goes out.
 * @example isTextLocked("scheduled") // true; isTextLocked("review") // false
 */
export const isTextLocked = (status: string) => lockedStatuses.includes(status);

/** The image formats a release takes, told by their bytes: every browser and mail client draws them, none runs script. */
export const imageTypes = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export type ImageType = (typeof imageTypes)[number];

/** The largest image a release takes: enough for a photograph on a page, small enough for a mail client. */
export const maxImageBytes = 5 * 1024 * 1024;
