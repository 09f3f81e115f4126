import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en.js";
import { notificationKey, routeOf } from "./notification-text.js";

const has = (key: string) => Object.keys(en).includes(key);

describe("how a notification reads in the application", () => {
  it.each([
    ["reply_due_soon", { reference: "AL PRK 1/2026", subject: "Border", dueOn: "2026-04-01", days: 7 }],
    ["reply_due_soon", { reference: "AL PRK 1/2026", subject: "", dueOn: "2026-04-01", days: 7 }],
    ["reply_due_today", { reference: "AL PRK 1/2026", subject: "", dueOn: "2026-04-01" }],
    ["case_next_action", { title: "Returnees", action: "Call", dueOn: "2026-04-01" }],
    ["case_next_action", { title: "Returnees", action: "", dueOn: "2026-04-01" }],
    ["case_next_action", { title: "", action: "", dueOn: "2026-04-01" }],
    ["embargo_lifted", { reference: "AL PRK 1/2026" }],
    ["something_new", {}],
  ])("%s with %j has a text", (kind, params) => {
    expect(has(notificationKey({ kind, params }))).toBe(true);
  });

  it("a withheld case title gives the text that names no case", () => {
    expect(notificationKey({ kind: "case_next_action", params: { title: " ", dueOn: "2026-04-01" } })).toBe(
      "notifications.kind.case_next_action_withheld",
    );
  });

  it("links open inside the application; links elsewhere are not followed", () => {
    expect(routeOf("/app/cases/1")).toBe("/cases/1");
    expect(routeOf("//evil.example/x")).toBeNull();
    expect(routeOf(null)).toBeNull();
  });
});
