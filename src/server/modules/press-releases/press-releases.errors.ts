import { AppError, defineError } from "../../platform/errors/app-error.js";

/** A release that does not exist, or that the caller may not read: the same answer. */
export const pressReleaseNotFound = () => new AppError("press-releases.not_found", 404);
/** A move the release's status does not allow now (someone moved it first, or it is not there yet). */
export const pressReleaseTransitionNotAllowed = defineError("press-releases.transition_not_allowed", 409);
/** A release restricted to named members never goes public: lift the restriction first. */
export const restrictedRelease = () =>
  new AppError("press-releases.restricted", 400, {}, { restrictedTo: { code: "press-releases.restricted" } });
/** The text of a scheduled or published release is fixed, and so are its images: return it to draft first. */
export const textLocked = (status: string) => new AppError("press-releases.text_locked", 409, { status });
/** A file that is not PNG, JPEG, WebP or GIF by its contents, whatever its name or declared type. */
export const notAnImage = () =>
  new AppError("press-releases.image_type", 415, {}, { file: { code: "field.image_type" } });
/** An image's stored bytes no longer match their checksum: they are never served. */
export const corruptImage = () => new AppError("press-releases.image_corrupt", 500);
