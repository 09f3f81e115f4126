import { AppError, defineError } from "../../platform/errors/app-error.js";

/** A mailing that does not exist, or of a mandate the caller is not in: the same answer. */
export const mailingNotFound = () => new AppError("mailings.not_found", 404);
/** A press release that does not exist, or that the caller may not read: the same answer. */
export const releaseNotFound = () => new AppError("press-releases.not_found", 404);
/** A mandate the caller does not belong to is not found. */
export const mandateNotFound = () => new AppError("mandates.not_found", 404);
/** Only a published, public press release goes to the list. */
export const releaseNotPublished = defineError("mailings.not_published", 409);
/** The release went to the list before: sending again must be asked for. */
export const alreadyMailed = defineError("mailings.already_sent", 409);
