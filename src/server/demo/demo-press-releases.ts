import type { PressReleaseTransition } from "../../shared/press-releases.js";
import { updateMandate } from "../modules/mandates/mandates.usecases.js";
import { pressReleaseSpec } from "../modules/press-releases/press-releases.schemas.js";
import {
  createPressRelease,
  transitionPressRelease,
} from "../modules/press-releases/press-releases.usecases.js";
import { addDays, today } from "../platform/db/time.js";
import { createBodySchema } from "../platform/records/record-schemas.js";
import { type DemoContext, demoActor } from "./demo-context.js";
import {
  aboutEn,
  aboutKo,
  councilAdvisory,
  generalAssembly,
  repatriation,
  seoulMission,
  separatedFamiliesDraft,
} from "./demo-press-release-texts.js";

/** Nine in the morning UTC, a week from now: when the demo's scheduled release goes out. */
const nextWeek = () => `${addDays(today(), 7)}T09:00:00Z`;

/**
 * The mandate's public words in the demo: its about text, three published press releases (the forced return of
 * women from China and the end of the Seoul mission in both languages, the General Assembly report in English), one
 * scheduled for next week and one draft. Written by the officer and published by the mandate holder, dated when
 * they went out.
 */
export async function createDemoPressReleases(ctx: DemoContext) {
  const { db } = ctx.deps;
  const holder = demoActor(ctx.holderId, ctx.mandateId, "mandate_holder");
  await updateMandate({ db, actor: holder, id: ctx.mandateId, input: { aboutEn, aboutKo } });

  const create = (fields: Record<string, unknown>) =>
    createPressRelease({
      db,
      actor: ctx.actor,
      input: createBodySchema(pressReleaseSpec).parse({ mandateId: ctx.mandateId, ...fields }) as Record<
        string,
        unknown
      >,
    });
  const move = (id: string, action: PressReleaseTransition, more: { publishAt?: string; at?: string } = {}) =>
    transitionPressRelease({ db, actor: action === "submit" ? ctx.actor : holder, id, action, ...more });

  for (const { publishedAt, ...fields } of [seoulMission, generalAssembly, repatriation]) {
    const release = await create(fields);
    await move(release.id, "submit");
    await move(release.id, "publish", { at: publishedAt });
  }
  // Its slug is made from its publication day and its English title.
  const advisory = await create({ ...councilAdvisory, publishAt: nextWeek() });
  await move(advisory.id, "submit");
  await move(advisory.id, "schedule");
  await create(separatedFamiliesDraft);
}
