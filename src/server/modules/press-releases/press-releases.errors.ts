import { AppError, defineError } from "../../platform/errors/app-error.js";

/** A release that does not exist, or that the caller may not read: the same answer. */
export const pressReleaseNotFound = () => new AppError("press-releases.not_found", 404);
/** A move the release's status does not allow now (someone moved it first, or it is not there yet). */
export const pressReleaseTransitionNotAllowed = defineError("press-releases.transition_not_allowed", 409);
/** A release restricted to named members never goes public: lift the restriction first. */
export const restrictedRelease = () =>
  new AppError("press-releases.restricted", 400, {}, { restrictedTo: { code: "press-releases.restricted" } });
