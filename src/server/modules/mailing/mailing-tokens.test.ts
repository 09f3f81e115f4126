import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { MasterKey } from "../../platform/crypto/master-key.js";
import { addressHash, mailingKeys, signToken, verifyToken } from "./mailing-tokens.js";

const master = (): MasterKey => ({ key: randomBytes(32), id: "test" });
const id = "01935f2e-1234-7abc-8def-0123456789ab";

describe("the mailing list's keys and links", () => {
  it("an address hashes the same whatever its case or spaces, and differently under another master key", () => {
    const keys = mailingKeys(master());
    expect(addressHash(keys, " Reader@Example.org ")).toBe(addressHash(keys, "reader@example.org"));
    expect(addressHash(keys, "reader@example.org")).not.toBe(addressHash(keys, "other@example.org"));
    expect(addressHash(mailingKeys(master()), "reader@example.org")).not.toBe(
      addressHash(keys, "reader@example.org"),
    );
    expect(addressHash(keys, "reader@example.org")).not.toContain("reader");
  });

  it("a link opens only for its purpose and subscriber, until it expires", () => {
    const keys = mailingKeys(master());
    const now = Date.now();
    const confirm = signToken(keys, "confirm", id, new Date(now + 60_000));
    expect(verifyToken(keys, "confirm", confirm, now)).toEqual({ ok: true, subscriberId: id });
    expect(verifyToken(keys, "confirm", confirm, now + 120_000)).toEqual({ ok: false, problem: "expired" });
    expect(verifyToken(keys, "manage", confirm, now)).toEqual({ ok: false, problem: "invalid" });
    const manage = signToken(keys, "manage", id);
    expect(verifyToken(keys, "manage", manage)).toEqual({ ok: true, subscriberId: id });
    expect(verifyToken(keys, "confirm", manage)).toEqual({ ok: false, problem: "invalid" });
  });

  it("a tampered, truncated or foreign link is invalid, never expired", () => {
    const keys = mailingKeys(master());
    const token = signToken(keys, "confirm", id, new Date(Date.now() - 1000));
    const otherId = token.replace(id, id.replace("ab", "ac"));
    const later = token.replace(/\.(\d+)\./, (_m, s: string) => `.${Number(s) + 86_400}.`);
    for (const bad of [otherId, later, token.slice(0, -1), `${token}x`, "", undefined, "m.x.y"])
      expect(verifyToken(keys, "confirm", bad)).toEqual({ ok: false, problem: "invalid" });
    expect(verifyToken(mailingKeys(master()), "confirm", token)).toEqual({ ok: false, problem: "invalid" });
  });
});
