import type { Confidentiality } from "../platform/access/access.policies.js";
import { createDemoRecord, type DemoContext, placeId } from "./demo-context.js";
import { perpetratorsFor } from "./demo-perpetrators.js";
import type { Route } from "./demo-places.js";
import { type ActPlan, type EventPlan, stricter, type WrittenEvent } from "./demo-plans.js";
import { actTypes } from "./demo-vocab.js";

async function writeAct(ctx: DemoContext, eventId: string, plan: EventPlan, act: ActPlan, route: Route) {
  const record = await createDemoRecord(ctx, "acts", {
    eventId,
    victimId: act.victimId,
    actType: actTypes[act.kind],
    actDate: act.actDate,
    placeId: placeId(ctx, act.placeCode),
    consequences: act.consequences,
    victimStatusAfter: act.victimStatusAfter,
    detentionType: act.detentionType,
    whereabouts: act.whereabouts,
    confidentiality: stricter(
      plan.confidentiality === "public" ? "internal" : plan.confidentiality,
      act.confidentiality ?? "internal",
    ),
  });
  for (const perpetrator of perpetratorsFor(act.kind, route, ctx.rnd)) {
    await createDemoRecord(ctx, "involvements", {
      actId: record.id,
      ...perpetrator,
      confidentiality: record.confidentiality,
    });
  }
  return {
    id: record.id,
    victimId: act.victimId,
    kind: act.kind,
    confidentiality: record.confidentiality as Confidentiality,
  };
}

/**
 * Writes one event, its acts and who was involved in each, as the officer coding the testimony would.
 * @example const written = await writeEvent(ctx, plan, story.route);
 */
export async function writeEvent(ctx: DemoContext, plan: EventPlan, route: Route): Promise<WrittenEvent> {
  const event = await createDemoRecord(ctx, "events", {
    title: plan.title,
    description: plan.description,
    startDate: plan.startDate,
    endDate: plan.endDate,
    placeId: placeId(ctx, plan.placeCode),
    violationStatus: plan.violationStatus,
    confidentiality: plan.confidentiality,
  });
  const acts = [];
  for (const act of plan.acts) acts.push(await writeAct(ctx, event.id, plan, act, route));
  return {
    id: event.id,
    kind: plan.kind,
    confidentiality: plan.confidentiality,
    start: plan.startDate.value,
    county: route.county,
    acts,
  };
}
