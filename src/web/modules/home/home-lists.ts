import type { ApiRecord } from "../../api/types.js";

/** Priorities that put a case on the home page. */
export const urgentPriorities = ["urgent", "high"] as const;
/** A case that has ended needs no action, however urgent it was. */
const endedStatuses = new Set(["resolved", "died"]);
const priorityRank = (p: unknown) => (p === "urgent" ? 0 : 1);
const day = (v: unknown) => (typeof v === "string" && v ? v : null);

/** Ascending days, records without a day last. */
const byDay = (field: string) => (a: ApiRecord, b: ApiRecord) => {
  const x = day(a[field]);
  const y = day(b[field]);
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -1 : 1;
};

/**
 * The cases to act on first: urgent or high priority, not ended, soonest next action first (urgent before high on
 * the same day), at most `max`.
 * @example pickUrgentCases([urgentOnes, highOnes], 10)
 */
export function pickUrgentCases(lists: ApiRecord[][], max = 10) {
  const seen = new Set<string>();
  return lists
    .flat()
    .filter((c) => !endedStatuses.has(String(c.status)) && !seen.has(c.id) && seen.add(c.id))
    .sort((a, b) => byDay("nextActionOn")(a, b) || priorityRank(a.priority) - priorityRank(b.priority))
    .slice(0, max);
}

/** Sent letters awaiting a reply, the earliest deadline first, at most `max`. */
export const pickRepliesDue = (items: ApiRecord[], max = 10) =>
  items
    .filter((c) => c.status === "sent")
    .sort(byDay("replyDueOn"))
    .slice(0, max);

/** Today on the reader's calendar, as YYYY-MM-DD. */
export function localToday(now = new Date()) {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether a deadline has passed: the due day itself is still in time. */
export const isOverdue = (dueOn: unknown, today: string) => day(dueOn) !== null && String(dueOn) < today;
