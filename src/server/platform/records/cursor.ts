/** Opaque keyset cursor: the sort value and id of the last row of a page. */
export const encodeCursor = (value: string, id: string) =>
  Buffer.from(JSON.stringify([value, id])).toString("base64url");

/** Reads a cursor; anything malformed (or holding a NUL, which PostgreSQL refuses) reads as null and the caller answers with a field error. */
export function decodeCursor(cursor: string): [string, string] | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      parsed.every((p) => typeof p === "string" && !p.includes("\u0000"))
    ) {
      return [parsed[0] as string, parsed[1] as string];
    }
  } catch {
    // falls through to null
  }
  return null;
}
