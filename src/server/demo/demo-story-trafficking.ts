import type { DemoPeople } from "./demo-people.js";
import type { ActPlan, EventPlan } from "./demo-plans.js";
import type { DemoRandom } from "./demo-random.js";
import { partialDate, type Story, storyLevel } from "./demo-stories.js";
import { violationStatus } from "./demo-vocab.js";

/** A woman's sale to a broker after crossing again, and the forced marriage that followed. */
export function traffickingEvent(s: Story, people: DemoPeople, rnd: DemoRandom): EventPlan {
  const victimId = people.witnesses[s.index]?.id ?? null;
  const at = partialDate(
    { year: s.traffickedYear, month: rnd.int(1, 12), day: 1 },
    rnd.pick(["month", "approximate"] as const),
  );
  const acts: ActPlan[] = [
    {
      kind: "trafficking",
      victimId,
      actDate: at,
      placeCode: "CHN",
      consequences: "Sold by a broker soon after crossing the river.",
    },
    {
      kind: "forcedMarriage",
      victimId,
      actDate: at,
      placeCode: "CHN",
      consequences: "Made to live with a farmer who had paid the broker.",
    },
  ];
  if (rnd.chance(0.4))
    acts.push({
      kind: "sexualViolence",
      victimId,
      actDate: at,
      placeCode: "CHN",
      consequences: "Sexual violence within the forced marriage.",
    });
  if (rnd.chance(0.5))
    acts.push({
      kind: "trafficking",
      victimId: null,
      actDate: at,
      placeCode: "CHN",
      consequences: "A second woman sold by the same broker; fate unknown.",
    });
  const ko = s.lang === "ko";
  return {
    kind: "trafficking",
    title: ko
      ? `${s.route.cityKo} 인근 인신매매 및 강제결혼`
      : `Sale to a broker and forced marriage near ${s.route.city}`,
    description: ko
      ? "강을 건넌 직후 중개인에게 넘겨져 농촌 남성에게 팔림. 신분이 없어 신고할 수 없었음."
      : "Handed to a broker right after crossing and sold to a rural household; without papers, she could not go to the police.",
    startDate: at,
    placeCode: "CHN",
    violationStatus: violationStatus.likely,
    confidentiality: storyLevel(s) === "strictly_confidential" ? "strictly_confidential" : "confidential",
    acts: acts.map((a) => ({ ...a, confidentiality: "confidential" })),
  };
}
