import type { Route } from "./demo-places.js";
import type { DemoRandom } from "./demo-random.js";
import { type ActKind, degrees, perpetratorTypes } from "./demo-vocab.js";

/** One perpetrator of an act: a named unit (never a named individual in the demo), its type and degree. */
export interface Perpetrator {
  perpetratorName: string;
  perpetratorType: string;
  degree: string;
  note?: string;
}

const p = (perpetratorName: string, perpetratorType: string, degree: string, note?: string): Perpetrator => ({
  perpetratorName,
  perpetratorType,
  degree,
  ...(note ? { note } : {}),
});

/** The units the testimony names for each kind of act on a route; the first is the direct perpetrator. */
function unitsFor(kind: ActKind, r: Route): Perpetrator[] {
  const mss = `Ministry of State Security, ${r.provinceEn} provincial bureau`;
  const county = `Ministry of State Security, ${r.countyEn} county holding centre`;
  switch (kind) {
    case "arrest":
      return [p(`Public Security Bureau, ${r.city}`, perpetratorTypes.police, degrees.direct)];
    case "refoulement":
      return [
        p(`Border defence detachment, ${r.city}`, perpetratorTypes.police, degrees.direct),
        p(mss, perpetratorTypes.intelligence, degrees.present, "Received the returnees at the bridge."),
      ];
    case "detention":
      return [
        p(county, perpetratorTypes.intelligence, degrees.direct),
        p(mss, perpetratorTypes.intelligence, degrees.orders),
      ];
    case "torture":
      return [p(`Interrogators, ${county}`, perpetratorTypes.intelligence, degrees.direct)];
    case "sexualViolence":
    case "sexualAssault":
      return [
        p(`Guards, ${r.countyEn} holding centre`, perpetratorTypes.prisonOfficials, degrees.direct),
        p(
          county,
          perpetratorTypes.intelligence,
          degrees.failedToPrevent,
          "No complaint possible; no investigation known.",
        ),
      ];
    case "forcedLabour":
      return [
        p(
          `Ministry of People's Security, ${r.countyEn} labour-training camp`,
          perpetratorTypes.prisonOfficials,
          degrees.exploitation,
        ),
      ];
    case "trafficking":
      return [p(`Broker network operating around ${r.city}`, perpetratorTypes.others, degrees.exploitation)];
    case "forcedMarriage":
      return [p("Purchasing household (rural Jilin)", perpetratorTypes.others, degrees.direct)];
    case "disappearance":
      return [p(mss, perpetratorTypes.intelligence, degrees.suspected)];
    case "familySeparation":
      return [
        p(
          "Ministry of State Security (border control policy)",
          perpetratorTypes.intelligence,
          degrees.implementor,
        ),
      ];
  }
}

/** The involvements of one act: always the direct unit, sometimes the one above it. */
export function perpetratorsFor(kind: ActKind, route: Route, rnd: DemoRandom): Perpetrator[] {
  const [first, ...others] = unitsFor(kind, route);
  const extra = others.filter(() => rnd.chance(0.35));
  return first ? [first, ...extra] : extra;
}
