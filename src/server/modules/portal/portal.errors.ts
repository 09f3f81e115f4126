import { AppError } from "../../platform/errors/app-error.js";

/** The portal's answer for anything that is not public: the same as for what does not exist. */
export const portalNotFound = () => new AppError("portal.not_found", 404);
