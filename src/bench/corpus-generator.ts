import { v7 as seededUuid } from "uuid";
import type { DemoRandom } from "../server/demo/demo-random.js";
import type { ImportBatch } from "../server/modules/imports/bulk-import.usecases.js";
import { paragraph, type TextPlace, transcript } from "./corpus-text.js";

/** How big a corpus is; the ratios between record types follow a documentation mandate's real numbers. */
export interface Scale {
  name: string;
  acts: number;
  persons: number;
  sources: number;
  /** Mean transcript length in characters (lengths vary around it). */
  transcriptChars: number;
  /** Acts per import transaction. */
  batchActs: number;
}

export const scales: Record<string, Scale> = {
  small: {
    name: "small",
    acts: 20_000,
    persons: 6_000,
    sources: 2_000,
    transcriptChars: 1_500,
    batchActs: 5_000,
  },
  medium: {
    name: "medium",
    acts: 200_000,
    persons: 60_000,
    sources: 20_000,
    transcriptChars: 1_500,
    batchActs: 20_000,
  },
  default: {
    name: "default",
    acts: 1_000_000,
    persons: 300_000,
    sources: 100_000,
    transcriptChars: 1_500,
    batchActs: 20_000,
  },
};

export interface CorpusPlace extends TextPlace {
  id: string;
  weight: number;
}

export interface CorpusWorld {
  mandates: { id: string; weight: number }[];
  counties: CorpusPlace[];
}

/** Weighted choice, with the cumulative table built once. */
export function weighted<T>(rnd: DemoRandom, items: readonly (readonly [T, number])[]) {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const [, w] of items) {
    sum += w / total;
    cumulative.push(sum);
  }
  return () => {
    const x = rnd.next();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return (items[lo] as readonly [T, number])[0];
  };
}

/** HURIDOCS act types in the proportions a DPRK documentation project sees (detention and return dominate). */
const actTypes = [
  ["030102000000", 30], // detention, imprisonment
  ["030101000000", 12], // arrest
  ["380101000000", 12], // refoulement (forced repatriation)
  ["020111110000", 10], // torture
  ["030103000000", 6], // disappearance
  ["300102010000", 8], // forced labour
  ["020111010000", 3], // rape
  ["020111030000", 4], // sexual assault
  ["030104000000", 3], // abduction
  ["010106010000", 2], // death in detention
  ["010101010000", 1], // summary execution
  ["330101000000", 3], // expulsion, deportation
  ["360104000000", 6], // conditions of arrested persons
] as const;
const perpetratorTypes = [
  ["010106000000", 40], // intelligence agency (State Security)
  ["010104000000", 30], // police
  ["010105000000", 15], // prison officials
  ["010103000000", 5], // armed forces
  ["110200000000", 10], // private individuals in the community (brokers)
] as const;
const sexes = [
  ["020000000000", 62],
  ["010000000000", 33],
  ["990000000000", 5],
] as const;
const confidentialityOf = {
  acts: [
    ["internal", 45],
    ["confidential", 45],
    ["strictly_confidential", 10],
  ],
  sources: [
    ["internal", 10],
    ["confidential", 65],
    ["strictly_confidential", 25],
  ],
} as const;
const languages = [
  ["ko", 70],
  ["en", 22],
  ["mixed", 8],
] as const;

/** A year between 1995 and 2024, most of them 2008–2019 (the years most testimony covers). */
const yearWeights = Array.from({ length: 30 }, (_, i) => {
  const y = 1995 + i;
  return [y, y >= 2008 && y <= 2019 ? 6 : y >= 2000 ? 2 : 1] as const;
});

/**
 * The corpus as import batches, deterministically from the seed: the same scale and seed give the same records.
 * Each batch refers only to records of its own batch and to the built-in gazetteer, so it imports on its own.
 */
export function* corpusBatches(rnd: DemoRandom, scale: Scale, world: CorpusWorld) {
  let clock = Date.UTC(2020, 0, 1);
  const uuidv7 = () =>
    seededUuid({ msecs: clock++, random: Uint8Array.from({ length: 16 }, () => rnd.int(0, 255)) });
  const mandate = weighted(
    rnd,
    world.mandates.map((m) => [m.id, m.weight] as const),
  );
  const county = weighted(
    rnd,
    world.counties.map((c) => [c, c.weight] as const),
  );
  const actType = weighted(rnd, actTypes);
  const perpetrator = weighted(rnd, perpetratorTypes);
  const sex = weighted(rnd, sexes);
  const actLevel = weighted(rnd, confidentialityOf.acts);
  const sourceLevel = weighted(rnd, confidentialityOf.sources);
  const language = weighted(rnd, languages);
  const year = weighted(rnd, yearWeights);
  const date = () => {
    const y = year();
    const p = rnd.next();
    if (p < 0.25) return { value: String(y), precision: "year" };
    if (p < 0.3) return { value: String(y), precision: "approximate" };
    const m = String(rnd.int(1, 12)).padStart(2, "0");
    if (p < 0.6) return { value: `${y}-${m}`, precision: "month" };
    return { value: `${y}-${m}-${String(rnd.int(1, 28)).padStart(2, "0")}`, precision: "day" };
  };
  const batches = Math.ceil(scale.acts / scale.batchActs);
  for (let b = 0; b < batches; b++) {
    const acts = Math.min(scale.batchActs, scale.acts - b * scale.batchActs);
    const share = acts / scale.acts;
    const persons = Array.from({ length: Math.max(1, Math.round(scale.persons * share)) }, (_, i) => ({
      id: uuidv7(),
      kind: rnd.chance(0.97) ? "individual" : "group",
      code: `B${b}-P${i}`,
      sex: sex(),
      birthYear: rnd.int(1945, 2008),
    }));
    const sources = Array.from({ length: Math.max(1, Math.round(scale.sources * share)) }, (_, i) => {
      const lang = language();
      const place = county();
      const chars = Math.round(scale.transcriptChars * Math.exp(rnd.next() * 1.6 - 0.8));
      return {
        id: uuidv7(),
        kind: "interview",
        title: lang === "en" ? `Interview B${b}-${i}` : `면담 B${b}-${i}`,
        sourceDate: date(),
        placeId: place.id,
        languages: lang === "mixed" ? ["ko", "en"] : [lang],
        consentScope: rnd.chance(0.7) ? "anonymised_public" : "internal",
        reprisalRisk: rnd.pick(["low", "medium", "medium", "high"]),
        summary: paragraph(rnd, lang, place, 2),
        transcript: transcript(rnd, lang, place, chars),
        intervieweeId: rnd.pick(persons).id,
        confidentiality: sourceLevel(),
      };
    });
    const events = Array.from({ length: Math.max(1, Math.round(acts / 3)) }, (_, i) => {
      const place = county();
      return {
        id: uuidv7(),
        title: rnd.chance(0.7)
          ? `${place.ko} 강제송환 사건 ${b}-${i}`
          : `Forced return via ${place.en} ${b}-${i}`,
        startDate: date(),
        placeId: place.id,
        confidentiality: rnd.chance(0.8) ? "internal" : "confidential",
      };
    });
    const actRows = Array.from({ length: acts }, () => {
      const own = rnd.chance(0.6);
      const place = county();
      return {
        id: uuidv7(),
        eventId: rnd.pick(events).id,
        victimId: rnd.pick(persons).id,
        actType: actType(),
        ...(rnd.chance(0.9) ? { actDate: date() } : {}),
        ...(own ? { placeId: place.id } : {}),
        ...(rnd.chance(0.4) ? { consequences: paragraph(rnd, rnd.chance(0.7) ? "ko" : "en", place, 1) } : {}),
        confidentiality: actLevel(),
      };
    });
    const involvements = Array.from({ length: Math.round(acts / 2) }, (_, i) => ({
      id: uuidv7(),
      actId: rnd.pick(actRows).id,
      perpetratorName: `Unit ${i % 97}`,
      perpetratorType: perpetrator(),
      confidentiality: "internal",
    }));
    const batch: ImportBatch = { persons, sources, events, acts: actRows, involvements };
    yield { mandateId: mandate(), batch, acts };
  }
}
