import type { DemoPeople } from "./demo-people.js";
import type { ActPlan, EventPlan } from "./demo-plans.js";
import type { DemoRandom } from "./demo-random.js";
import { monthsLater, partialDate, type Story, storyLevel } from "./demo-stories.js";
import { detentionPlans } from "./demo-story-detention.js";
import { victimStatus, violationStatus, whereabouts } from "./demo-vocab.js";

function returnEvent(s: Story, people: DemoPeople, rnd: DemoRandom): EventPlan {
  const { route } = s;
  const arrest = partialDate(s.arrest, rnd.chance(0.5) ? "day" : "month");
  const handover = partialDate(s.handover, "month");
  const victims = [
    people.witnesses[s.index]?.id ?? null,
    ...rnd.sample(people.detainees, rnd.int(0, 2)).map((d) => d.id),
  ];
  const acts: ActPlan[] = victims.flatMap((victimId) => [
    { kind: "arrest", victimId, actDate: arrest, placeCode: "CHN" },
    {
      kind: "refoulement",
      victimId,
      actDate: handover,
      placeCode: "CHN",
      consequences: `Handed over to DPRK border security at the ${route.countyEn} crossing.`,
      victimStatusAfter: victimStatus.deported,
    },
  ]);
  const group = rnd.chance(0.35) ? rnd.pick(people.groups) : null;
  if (group)
    acts.push({
      kind: "refoulement",
      victimId: group.id,
      actDate: handover,
      placeCode: "CHN",
      consequences: `Returned in the same vehicle as ${s.code}.`,
    });
  const ko = s.lang === "ko";
  return {
    kind: "return",
    title: ko
      ? `${route.cityKo}에서 체포 후 ${route.countyKo} 방면 강제송환`
      : `Arrest in ${route.city} and forced return to ${route.countyEn}`,
    description: ko
      ? `${route.cityKo}의 은신처에서 공안에 체포되어 변방 구류소에 수용된 후 ${route.countyKo} 세관을 통해 북한 보위부에 인계됨.`
      : `Arrested by public security officers at a rented room in ${route.city}, held at a border detention facility, then handed over at the ${route.countyEn} crossing.`,
    startDate: arrest,
    endDate: handover,
    placeCode: "CHN",
    violationStatus: rnd.chance(0.5) ? violationStatus.confirmed : violationStatus.likely,
    confidentiality: storyLevel(s) === "strictly_confidential" ? "confidential" : storyLevel(s),
    acts,
  };
}

function familyEvent(s: Story, people: DemoPeople, rnd: DemoRandom): EventPlan | null {
  const relatives = people.relatives.get(s.index) ?? [];
  const witness = people.witnesses[s.index];
  if (!relatives.length || !witness) return null;
  const when = partialDate({ year: s.arrivalYear, month: 1, day: 1 }, "approximate");
  const acts: ActPlan[] = [witness, ...relatives.map((r) => r.person)].map((p) => ({
    kind: "familySeparation",
    victimId: p.id,
    actDate: when,
    placeCode: s.route.province,
    consequences: "No lawful way to reunite or to communicate; contact only through brokers, at risk.",
  }));
  for (const r of relatives.filter((x) => x.role === "spouse" || rnd.chance(0.3)))
    acts.push({
      kind: "disappearance",
      victimId: r.person.id,
      actDate: partialDate(monthsLater(s.handover, 14), "year"),
      placeCode: s.route.province,
      consequences:
        "Summoned by the security services after the witness left; whereabouts not disclosed since.",
      victimStatusAfter: victimStatus.missing,
      whereabouts: whereabouts.notDisclosed,
    });
  const ko = s.lang !== "en";
  return {
    kind: "family",
    title: ko ? `${s.code} 탈북 후 북한에 남은 가족` : `Family left inside after ${s.code} left`,
    description: ko
      ? "증언자가 떠난 뒤 가족이 보위부 조사를 받았고, 이후 연락이 끊김."
      : "After the witness left, the family inside was questioned; contact has since been lost.",
    startDate: when,
    placeCode: s.route.province,
    violationStatus: acts.some((a) => a.kind === "disappearance")
      ? violationStatus.likely
      : violationStatus.possible,
    confidentiality: storyLevel(s) === "strictly_confidential" ? "strictly_confidential" : "confidential",
    acts,
  };
}

/** The events one witness tells of, in the order they happened. */
export function storyEvents(s: Story, people: DemoPeople, rnd: DemoRandom): EventPlan[] {
  const plans = [returnEvent(s, people, rnd), ...detentionPlans(s, people, rnd)];
  const family = familyEvent(s, people, rnd);
  if (family) plans.push(family);
  return plans;
}
