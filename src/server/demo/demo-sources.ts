import type { Confidentiality } from "../platform/access/access.policies.js";
import { createDemoRecord, type DemoContext, placeId } from "./demo-context.js";
import type { DemoPeople } from "./demo-people.js";
import { monthsLater, partialDate, type Story, storyLevel } from "./demo-stories.js";
import { reprisalNote, summaryOf } from "./demo-texts.js";
import { transcriptOf } from "./demo-transcripts.js";
import { sourceMaterials } from "./demo-vocab.js";

/** A source the demo wrote, with what its information links need. */
export interface WrittenSource {
  id: string;
  storyIndex: number | null;
  followUp: boolean;
  confidentiality: Confidentiality;
  restrictedTo: string[] | null;
}

const interviewers = [
  "Demo Human Rights Officer",
  "J. Han (human rights officer)",
  "M. Osei (human rights officer)",
  "S. Lindgren (consultant)",
];

/** When the witness was interviewed; a follow-up comes three to six months later, within 2018 at the latest. */
function interviewDates(s: Story, ctx: DemoContext) {
  // Interviews held during the mandate's mission to Seoul, 17–21 July 2017.
  const base =
    s.interviewYear === 2017 && s.city.city === "Seoul"
      ? { year: 2017, month: 7, day: ctx.rnd.int(17, 21) }
      : { year: s.interviewYear, month: ctx.rnd.int(1, s.followUp ? 6 : 12), day: ctx.rnd.int(1, 28) };
  const later = monthsLater(base, ctx.rnd.int(3, 6));
  return {
    first: partialDate(base, "day"),
    followUp: partialDate(later, ctx.rnd.pick(["day", "month"] as const)),
  };
}

async function writeInterview(
  ctx: DemoContext,
  s: Story,
  people: DemoPeople,
  dates: ReturnType<typeof interviewDates>,
  followUp: boolean,
): Promise<WrittenSource> {
  const onMission = s.interviewYear === 2017 && s.city.city === "Seoul";
  const interviewer =
    onMission && !followUp ? "Demo Mandate Holder (mission to Seoul)" : ctx.rnd.pick(interviewers);
  const languages = s.lang === "ko" ? ["ko"] : ["ko", "en"];
  const level: Confidentiality =
    storyLevel(s) === "strictly_confidential" ? "strictly_confidential" : "confidential";
  const restrictedTo = s.index === 0 && !followUp ? [ctx.holderId] : null;
  const ko = s.lang === "ko";
  const place = s.city;
  const record = await createDemoRecord(ctx, "sources", {
    kind: "interview",
    title: followUp
      ? ko
        ? `${s.code} 추가 면담 (${place.cityKo})`
        : `Follow-up interview with ${s.code} (${place.city})`
      : ko
        ? `${s.code} 면담 (${place.cityKo})`
        : `Interview with ${s.code} (${place.city})`,
    sourceDate: followUp ? dates.followUp : dates.first,
    placeId: placeId(ctx, place.country),
    interviewer,
    languages,
    interpreter: interviewer.startsWith("J. Han") ? undefined : "Contract interpreter (Korean–English)",
    consentScope: s.consent,
    reprisalRisk: s.risk,
    reprisalNote: reprisalNote(s),
    summary: followUp
      ? ko
        ? "날짜와 장소를 다시 확인함. 첫 면담 내용과 일치함."
        : "Dates and places checked again; consistent with the first interview."
      : summaryOf(s),
    transcript: !followUp && s.index % 2 === 0 ? transcriptOf(s) : undefined,
    intervieweeId: people.witnesses[s.index]?.id,
    sourceType: sourceMaterials.victim,
    confidentiality: level,
    ...(restrictedTo ? { restrictedTo } : {}),
  });
  return {
    id: record.id,
    storyIndex: s.index,
    followUp,
    confidentiality: level,
    restrictedTo: record.restrictedTo as string[] | null,
  };
}

/** Writes the interviews: one per witness, and a follow-up for some. */
export async function createInterviews(ctx: DemoContext, stories: Story[], people: DemoPeople) {
  const out: WrittenSource[] = [];
  for (const s of stories) {
    const dates = interviewDates(s, ctx);
    out.push(await writeInterview(ctx, s, people, dates, false));
    if (s.followUp) out.push(await writeInterview(ctx, s, people, dates, true));
  }
  return out;
}
