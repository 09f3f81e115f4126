import { describe, expect, it } from "vitest";
import { type AccessFacts, type Actor, abilitiesOn, type MandateRole } from "./access.policies.js";

const actor = (role: MandateRole | null, extra: Partial<Actor> = {}): Actor => ({
  userId: "u",
  isAdmin: false,
  memberships: new Map(role ? [["m", role]] : []),
  scopes: null,
  ip: null,
  userAgent: null,
  ...extra,
});
const facts = (confidentiality: string, o: Partial<AccessFacts> = {}): AccessFacts => ({
  mandateId: "m",
  confidentiality,
  restricted: false,
  actorListed: false,
  ...o,
});

describe("access rules", () => {
  it("an analyst reads confidential records but never strictly confidential ones nor identifying data", () => {
    expect(abilitiesOn(actor("analyst"), facts("confidential"))).toMatchObject({
      read: true,
      update: true,
      readIdentity: false,
    });
    expect(abilitiesOn(actor("analyst"), facts("strictly_confidential")).read).toBe(false);
  });

  it("a reader reads but never writes", () => {
    expect(abilitiesOn(actor("readonly"), facts("internal"))).toMatchObject({
      read: true,
      update: false,
      export: false,
    });
  });

  it("an officer reads strictly confidential records unless they are restricted to others", () => {
    expect(abilitiesOn(actor("officer"), facts("strictly_confidential")).read).toBe(true);
    expect(
      abilitiesOn(actor("officer"), facts("internal", { restricted: true, actorListed: false })).read,
    ).toBe(false);
  });

  it("being on the restricted-to list opens the record whatever the role's level", () => {
    expect(
      abilitiesOn(actor("readonly"), facts("strictly_confidential", { restricted: true, actorListed: true }))
        .read,
    ).toBe(true);
  });

  it("an instance admin without a membership sees no records, only reference data", () => {
    expect(abilitiesOn(actor(null, { isAdmin: true }), facts("public")).read).toBe(false);
    expect(
      abilitiesOn(actor(null, { isAdmin: true }), facts("public", { mandateId: null, builtIn: true })).read,
    ).toBe(true);
  });

  it("a read-only API token never writes, even for a holder", () => {
    expect(
      abilitiesOn(actor("mandate_holder", { scopes: new Set(["read"]) }), facts("internal")).update,
    ).toBe(false);
  });
});
