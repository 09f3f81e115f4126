import { AppError } from "../../platform/errors/app-error.js";

/** The one 413 of every route (`request.too_large`), here naming the `file` and the limit it is over. */
export const fileTooLarge = (limit: number) =>
  new AppError(
    "request.too_large",
    413,
    { limit },
    { file: { code: "field.file_too_large", params: { limit } } },
  );
