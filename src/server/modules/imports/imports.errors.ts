import { AppError, defineError } from "../../platform/errors/app-error.js";

/** An import run, an upload (kept 24 hours, for the user who sent it) or a mapping that is not there for the caller. */
export const importNotFound = defineError("imports.not_found", 404);
/** An upload a run is committing already (a second click, another tab). */
export const importAlreadyRunning = defineError("imports.already_running", 409);
/** A file with no header row. */
export const emptyImportFile = defineError("imports.empty_file", 400);

/** A file that cannot be read as a table (`imports.unclosed_quote`, `imports.unreadable_xlsx`, …), at a line if known. */
export const unreadableTable = (code: string, line: number | null) =>
  new AppError(code, 400, line === null ? {} : { line });
