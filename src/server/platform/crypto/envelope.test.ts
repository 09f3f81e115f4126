import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, rewrap, seal } from "./envelope.js";

const master = { key: randomBytes(32), id: "test-key" };

describe("sealed identifying data", () => {
  it("opens to what was sealed, and the ciphertext holds none of it in clear", () => {
    const sealed = seal(master, "person-1", { legalName: "김 가명", phone: "+82-10-0000-0000" });
    expect(Buffer.from(sealed.ciphertext, "base64").toString("latin1")).not.toContain("0000-0000");
    expect(open(master, "person-1", sealed)).toEqual({ legalName: "김 가명", phone: "+82-10-0000-0000" });
  });

  it("moved to another person's record, it fails to open instead of revealing the wrong person", () => {
    const sealed = seal(master, "person-1", { legalName: "A" });
    expect(() => open(master, "person-2", sealed)).toThrow();
  });

  it("a changed byte is detected", () => {
    const sealed = seal(master, "person-1", { legalName: "A" });
    const raw = Buffer.from(sealed.ciphertext, "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => open(master, "person-1", { ...sealed, ciphertext: raw.toString("base64") })).toThrow();
  });

  it("each seal uses a fresh data key", () => {
    expect(seal(master, "p", { a: 1 }).wrappedKey).not.toBe(seal(master, "p", { a: 1 }).wrappedKey);
  });

  it("re-wrapped under a new master key, it opens under the new key only and keeps its ciphertext", () => {
    const next = { key: randomBytes(32), id: "next-key" };
    const sealed = seal(master, "person-1", { legalName: "A" });
    const moved = rewrap(master, next, "person-1", sealed);
    expect(moved.ciphertext).toBe(sealed.ciphertext);
    expect(moved.keyId).toBe("next-key");
    expect(open(next, "person-1", moved)).toEqual({ legalName: "A" });
    expect(() => open(master, "person-1", { ...moved, keyId: master.id })).toThrow();
    expect(() => rewrap(master, next, "person-2", sealed)).toThrow();
  });
});
