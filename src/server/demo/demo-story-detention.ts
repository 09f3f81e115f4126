import type { DemoPeople } from "./demo-people.js";
import type { ActPlan, EventPlan } from "./demo-plans.js";
import type { DemoRandom } from "./demo-random.js";
import { monthsLater, partialDate, type Story, storyLevel } from "./demo-stories.js";
import { traffickingEvent } from "./demo-story-trafficking.js";
import { detentionTypes, victimStatus, violationStatus, whereabouts } from "./demo-vocab.js";

/** Cellmates the witnesses could describe but not name: acts with no victim record, described instead. */
const unnamed = [
  { female: true, note: "Unidentified woman in her forties from the same county, held in the same cell." },
  { female: true, note: "Unidentified young woman returned from Yanji, held in the same cell." },
  { female: false, note: "Unidentified man in his fifties, returned after working in China." },
  { female: true, note: "Unidentified teenage girl, returned with her aunt." },
];

type Victim = { id: string | null; female: boolean; note?: string };

function holdingActs(s: Story, v: Victim, rnd: DemoRandom): ActPlan[] {
  const at = partialDate(s.handover, "month");
  const place = s.route.county;
  const acts: ActPlan[] = [
    {
      kind: "detention",
      victimId: v.id,
      actDate: at,
      placeCode: place,
      consequences: v.note ?? `Held without charge or trial for about ${s.releaseMonths * 4} weeks.`,
      detentionType: detentionTypes.administrative,
      whereabouts: whereabouts.noFamilyContact,
      victimStatusAfter: victimStatus.releasedOrEscaped,
    },
  ];
  if (rnd.chance(0.5))
    acts.push({
      kind: "torture",
      victimId: v.id,
      actDate: at,
      placeCode: place,
      consequences: "Beaten and made to hold stress positions during questioning about contacts in China.",
    });
  if (v.female && rnd.chance(0.5))
    acts.push({
      kind: rnd.chance(0.6) ? "sexualAssault" : "sexualViolence",
      victimId: v.id,
      actDate: at,
      placeCode: place,
      consequences:
        "Subjected to an invasive body search on arrival; did not report it for fear of punishment.",
      confidentiality: "confidential",
    });
  if (rnd.chance(0.6))
    acts.push({
      kind: "forcedLabour",
      victimId: v.id,
      actDate: at,
      placeCode: place,
      consequences: "Made to work in fields and on construction from dawn, on reduced rations.",
    });
  return acts;
}

/** Sometimes a cellmate is called out and never seen again: an enforced disappearance with an unknown victim. */
function calledOut(s: Story, rnd: DemoRandom): ActPlan[] {
  if (!rnd.chance(0.4)) return [];
  return [
    {
      kind: "disappearance",
      victimId: null,
      actDate: partialDate(monthsLater(s.handover, 1), "month"),
      placeCode: s.route.county,
      consequences:
        "A woman from the same cell was called out at night and not seen again; no one was told where.",
      victimStatusAfter: victimStatus.missing,
      whereabouts: whereabouts.captureDenied,
    },
  ];
}

function holdingEvent(s: Story, people: DemoPeople, rnd: DemoRandom): EventPlan {
  const witness = people.witnesses[s.index];
  const victims: Victim[] = [
    { id: witness?.id ?? null, female: s.female },
    ...rnd.sample(people.detainees, rnd.int(1, 2)),
    ...rnd.sample(unnamed, rnd.int(1, 3)).map((u) => ({ id: null, ...u })),
  ];
  const ko = s.lang === "ko";
  return {
    kind: "holding",
    title: ko
      ? `${s.route.countyKo} 보위부 구류장 구금`
      : `Detention at the ${s.route.countyEn} MSS holding centre`,
    description: ko
      ? "강제송환 직후 보위부 구류장에서 중국 내 행적과 한국인 접촉 여부를 조사받음. 좁은 감방에 20여 명이 수용됨."
      : "Questioned after return about life in China and any contact with South Koreans or churches; about twenty people held per cell.",
    startDate: partialDate(s.handover, "month"),
    endDate: partialDate(monthsLater(s.handover, s.releaseMonths), "month"),
    placeCode: s.route.county,
    violationStatus: rnd.chance(0.6) ? violationStatus.confirmed : violationStatus.likely,
    confidentiality: storyLevel(s),
    acts: [...victims.flatMap((v) => holdingActs(s, v, rnd)), ...calledOut(s, rnd)],
  };
}

function labourEvent(s: Story, people: DemoPeople, rnd: DemoRandom): EventPlan {
  const start = monthsLater(s.handover, s.releaseMonths);
  const victims = [
    people.witnesses[s.index]?.id ?? null,
    ...rnd.sample(people.detainees, rnd.int(0, 1)).map((d) => d.id),
    null,
  ];
  const at = partialDate(start, rnd.chance(0.5) ? "year" : "approximate");
  const acts: ActPlan[] = victims.flatMap((victimId) => [
    {
      kind: "detention",
      victimId,
      actDate: at,
      placeCode: s.route.county,
      detentionType: detentionTypes.administrative,
    },
    {
      kind: "forcedLabour",
      victimId,
      actDate: at,
      placeCode: s.route.county,
      consequences: victimId
        ? "Six months of unpaid labour in a quarry."
        : "Another detainee, unnamed, on the same work team.",
    },
  ]);
  const ko = s.lang !== "en";
  return {
    kind: "labour",
    title: ko
      ? `${s.route.countyKo} 노동단련대 강제노동`
      : `Forced labour at the ${s.route.countyEn} labour-training camp`,
    description: ko
      ? "재판 없이 노동단련대 6개월 처분을 받고 채석장에서 일함."
      : "Sent without trial to six months in a labour-training camp; quarry and farm work.",
    startDate: at,
    endDate: partialDate(monthsLater(start, 6), "year"),
    placeCode: s.route.county,
    violationStatus: violationStatus.likely,
    confidentiality: storyLevel(s),
    acts,
  };
}

/** Detention after return, the labour-training camp and, for some women, trafficking into China. */
export function detentionPlans(s: Story, people: DemoPeople, rnd: DemoRandom): EventPlan[] {
  const plans = [holdingEvent(s, people, rnd)];
  if (s.labourCamp) plans.push(labourEvent(s, people, rnd));
  if (s.trafficked) plans.push(traffickingEvent(s, people, rnd));
  return plans;
}
