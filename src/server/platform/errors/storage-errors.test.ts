import { describe, expect, it } from "vitest";
import { AppError } from "./app-error.js";
import { storageErrorFrom } from "./storage-errors.js";

const withCode = (code: string, message = "") => Object.assign(new Error(message), { code });

describe("storage failures become clear errors", () => {
  it.each([
    ["SQLITE_FULL", "storage.full", 507],
    ["ENOSPC", "storage.full", 507],
    ["53100", "storage.full", 507],
    ["SQLITE_READONLY", "storage.read_only", 503],
    ["SQLITE_READONLY_DBMOVED", "storage.read_only", 503],
    ["EROFS", "storage.read_only", 503],
    ["EACCES", "storage.read_only", 503],
    ["25006", "storage.read_only", 503],
    ["SQLITE_IOERR_FSYNC", "storage.unavailable", 503],
  ])("%s is %s (%i)", (code, expected, status) => {
    expect(storageErrorFrom(withCode(code))).toMatchObject({ code: expected, status });
  });

  it("other errors, and errors that already have a code of ours, are left alone", () => {
    expect(storageErrorFrom(withCode("SQLITE_CONSTRAINT_UNIQUE"))).toBeNull();
    expect(storageErrorFrom(withCode("23505"))).toBeNull();
    expect(storageErrorFrom(new AppError("records.not_found", 404))).toBeNull();
    expect(storageErrorFrom(null)).toBeNull();
  });
});
