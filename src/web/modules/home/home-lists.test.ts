import { describe, expect, it } from "vitest";
import type { ApiRecord } from "../../api/types.js";
import { isOverdue, localToday, pickRepliesDue, pickUrgentCases } from "./home-lists.js";

const record = (id: string, fields: Record<string, unknown>) => ({ id, ...fields }) as unknown as ApiRecord;

describe("what the home page puts first", () => {
  it("the case with the soonest next action comes first, and ended cases are left out", () => {
    const urgent = [
      record("a", { priority: "urgent", status: "detained", nextActionOn: "2025-03-10" }),
      record("b", { priority: "urgent", status: "resolved", nextActionOn: "2025-01-01" }),
      record("c", { priority: "urgent", status: "open", nextActionOn: null }),
    ];
    const high = [
      record("d", { priority: "high", status: "at_risk", nextActionOn: "2025-02-01" }),
      record("e", { priority: "high", status: "died", nextActionOn: "2025-02-02" }),
      record("f", { priority: "high", status: "open", nextActionOn: "2025-03-10" }),
    ];
    expect(pickUrgentCases([urgent, high]).map((c) => c.id)).toEqual(["d", "a", "f", "c"]);
    expect(pickUrgentCases([urgent, high], 2).map((c) => c.id)).toEqual(["d", "a"]);
  });

  it("replies are listed by their deadline, and a deadline is overdue only the day after", () => {
    const items = [
      record("late", { status: "sent", replyDueOn: "2025-04-01" }),
      record("early", { status: "sent", replyDueOn: "2025-01-15" }),
      record("done", { status: "replied", replyDueOn: "2024-12-01" }),
    ];
    expect(pickRepliesDue(items).map((c) => c.id)).toEqual(["early", "late"]);
    expect(isOverdue("2025-01-15", "2025-01-15")).toBe(false);
    expect(isOverdue("2025-01-14", "2025-01-15")).toBe(true);
    expect(isOverdue(null, "2025-01-15")).toBe(false);
    expect(localToday(new Date(2025, 0, 5, 23, 30))).toBe("2025-01-05");
  });
});
