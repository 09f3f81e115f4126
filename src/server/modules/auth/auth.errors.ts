import { defineError } from "../../platform/errors/app-error.js";

export const authRequired = defineError("auth.required", 401);
export const invalidCredentials = defineError("auth.invalid_credentials", 401);
export const accountLocked = defineError("auth.locked", 423);
export const csrfFailed = defineError("auth.csrf_failed", 403);
export const tokenScope = defineError("auth.token_scope", 403);
export const rateLimited = defineError("rate_limited", 429);
export const sessionNotFound = defineError("sessions.not_found", 404);
