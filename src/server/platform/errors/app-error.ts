/** An error with a stable code (`persons.not_found`), an HTTP status and, for validation, the fields it names. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly fields: Record<string, FieldProblem> = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

export interface FieldProblem {
  code: string;
  params?: Record<string, string | number>;
}

/** Builds an error factory for one code, so call sites read `notFound()` and the code is written once. */
export const defineError =
  (code: string, status: number) =>
  (params: Record<string, string | number> = {}, fields: Record<string, FieldProblem> = {}) =>
    new AppError(code, status, params, fields);

export const recordNotFound = defineError("records.not_found", 404);
export const forbidden = defineError("access.forbidden", 403);
export const validationFailed = defineError("request.validation_failed", 400);
export const conflict = defineError("records.version_conflict", 409);

/** A single-field validation error. */
export const invalidField = (field: string, code: string, params?: Record<string, string | number>) =>
  validationFailed({}, { [field]: params ? { code, params } : { code } });
