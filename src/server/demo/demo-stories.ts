import type { Confidentiality } from "../platform/access/access.policies.js";
import { interviewCities, type Route, routes } from "./demo-places.js";
import type { DemoRandom } from "./demo-random.js";

export type Lang = "en" | "ko" | "mixed";
export type RelativeRole = "spouse" | "child" | "parent" | "sibling";
export type DatePrecision = "day" | "month" | "year" | "approximate";

/** A month in a story; `day` is only set when the witness remembered it. */
export interface StoryDate {
  year: number;
  month: number;
  day: number;
}

/** The fictional life course one witness tells: the skeleton every record of the demo hangs on. */
export interface Story {
  index: number;
  code: string;
  female: boolean;
  birthYear: number;
  birthApproximate: boolean;
  route: Route;
  arrest: StoryDate;
  handover: StoryDate;
  releaseMonths: number;
  labourCamp: boolean;
  trafficked: boolean;
  traffickedYear: number;
  arrivalYear: number;
  relativesInside: RelativeRole[];
  interviewYear: number;
  followUp: boolean;
  city: (typeof interviewCities)[number];
  lang: Lang;
  consent: "internal" | "anonymised_public" | "attributed_public";
  risk: "none" | "low" | "medium" | "high";
}

/** Number of witnesses: each gives one to two interviews and three to five events. */
export const witnessCount = 16;

const addMonths = (d: StoryDate, n: number): StoryDate => {
  const m = d.month - 1 + n;
  return { year: d.year + Math.floor(m / 12), month: (m % 12) + 1, day: d.day };
};

/** Builds the witnesses' stories from the seeded random source. */
export function buildStories(rnd: DemoRandom): Story[] {
  const stories: Story[] = [];
  for (let i = 0; i < witnessCount; i++) {
    const female = rnd.chance(0.8);
    const arrest = { year: rnd.int(2009, 2015), month: rnd.int(1, 12), day: rnd.int(1, 28) };
    const handover = addMonths({ ...arrest, day: rnd.int(1, 28) }, rnd.int(1, 2));
    const releaseMonths = rnd.int(1, 4);
    const labourCamp = rnd.chance(0.6);
    const trafficked = female && rnd.chance(0.55);
    const traffickedYear = Math.min(2016, handover.year + (labourCamp ? 2 : 1));
    const arrivalYear = Math.min(2017, Math.max(traffickedYear, handover.year) + rnd.int(1, 2));
    // The first witness is the mandate's reference case: spouse and child still inside North Hamgyong.
    const relativesInside: RelativeRole[] =
      i === 0
        ? ["spouse", "child"]
        : rnd.sample(["spouse", "child", "parent", "sibling"], rnd.pick([0, 0, 1, 1, 2]));
    const closeFamilyInside = relativesInside.includes("spouse") || relativesInside.includes("child");
    const risk =
      i === 0 || (closeFamilyInside && rnd.chance(0.6))
        ? "high"
        : rnd.pick(["none", "low", "medium", "medium"] as const);
    stories.push({
      index: i,
      code: "",
      female,
      birthYear: rnd.int(1958, arrest.year - 18),
      birthApproximate: rnd.chance(0.3),
      route: i === 0 ? (routes[0] as Route) : rnd.pick(routes),
      arrest,
      handover,
      releaseMonths,
      labourCamp,
      trafficked,
      traffickedYear,
      arrivalYear,
      relativesInside,
      interviewYear: rnd.int(Math.max(2014, arrivalYear), 2018),
      followUp: i % 3 === 1,
      city: rnd.pick(interviewCities),
      lang: rnd.pick(["en", "en", "ko", "ko", "mixed"] as const),
      consent:
        risk === "high"
          ? "internal"
          : rnd.pick(["internal", "anonymised_public", "anonymised_public"] as const),
      risk,
    });
  }
  stories.forEach((s, i) => {
    s.code = `W-${s.interviewYear}-${String(11 + i * 3).padStart(3, "0")}`;
  });
  // Two witnesses agreed to be quoted by name in public reports: their families are all outside.
  for (const s of stories.filter((x) => x.relativesInside.length === 0).slice(0, 2)) {
    s.consent = "attributed_public";
    s.risk = "low";
  }
  return stories;
}

/** The date of a story moment as a partial date with the precision the witness could give. */
export function partialDate(d: StoryDate, precision: DatePrecision) {
  const mm = String(d.month).padStart(2, "0");
  const dd = String(d.day).padStart(2, "0");
  const value =
    precision === "day" ? `${d.year}-${mm}-${dd}` : precision === "month" ? `${d.year}-${mm}` : `${d.year}`;
  return { value, precision };
}

/**
 * How open a story's records may be: attributed testimony may be public, high-risk testimony is strictly
 * confidential, except the reference witness's, whose interview is restricted to named people instead.
 */
export function storyLevel(s: Story): Confidentiality {
  if (s.consent === "attributed_public") return "public";
  if (s.risk === "high") return s.index > 0 ? "strictly_confidential" : "confidential";
  return "internal";
}

/** Adds months to a story date. */
export const monthsLater = addMonths;
