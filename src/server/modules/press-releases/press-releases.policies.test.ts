import { describe, expect, it } from "vitest";
import type { Actor, MandateRole } from "../../platform/access/access.policies.js";
import { isPublishAt, openPressReleaseTransitions } from "./press-releases.policies.js";

const actor = (role: MandateRole | null): Actor => ({
  userId: "u",
  isAdmin: false,
  memberships: new Map(role ? [["m", role]] : []),
  scopes: null,
  ip: null,
  userAgent: null,
});
const open = (role: MandateRole | null, status: string, canUpdate = true) =>
  openPressReleaseTransitions(actor(role), { mandateId: "m", status, canUpdate });

describe("the lifecycle of a press release", () => {
  it("an analyst submits and returns a release but never schedules, publishes or withdraws it", () => {
    expect(open("analyst", "draft")).toEqual(["submit"]);
    expect(open("analyst", "review")).toEqual(["return"]);
    expect(open("analyst", "scheduled")).toEqual(["return"]);
    expect(open("analyst", "published")).toEqual([]);
  });

  it("the mandate holder and officers schedule, unschedule, publish now and unpublish", () => {
    for (const role of ["mandate_holder", "officer"] as const) {
      expect(open(role, "review")).toEqual(["return", "schedule", "publish"]);
      expect(open(role, "scheduled")).toEqual(["return", "unschedule", "publish"]);
      expect(open(role, "published")).toEqual(["unpublish"]);
    }
  });

  it("a reader, someone outside the mandate, or anyone who may not change this release moves nothing", () => {
    expect(open("readonly", "draft")).toEqual([]);
    expect(open(null, "review")).toEqual([]);
    expect(open("mandate_holder", "review", false)).toEqual([]);
  });

  it("a publication time is an instant in UTC, to the second", () => {
    expect(isPublishAt("2026-12-01T09:00:00Z")).toBe(true);
    expect(isPublishAt("2026-12-01T09:00:00.250Z")).toBe(true);
    expect(isPublishAt("2026-12-01T09:00Z")).toBe(false);
    expect(isPublishAt("2026-12-01T09:00:00+09:00")).toBe(false);
    expect(isPublishAt("2026-02-30T09:00:00Z")).toBe(false);
    expect(isPublishAt("2026-12-01")).toBe(false);
  });
});
