import { createDemoRecord, type DemoContext } from "./demo-context.js";
import { routes } from "./demo-places.js";
import { type RelativeRole, type Story, storyLevel } from "./demo-stories.js";
import { countingUnits, sexes } from "./demo-vocab.js";

/** A person the demo created, with what later records need to know of them. */
export interface DemoPerson {
  id: string;
  code: string;
  female: boolean;
}

export interface DemoPeople {
  /** One per story, in story order. */
  witnesses: DemoPerson[];
  /** Relatives still inside the country, by story index. */
  relatives: Map<number, { role: RelativeRole; person: DemoPerson }[]>;
  /** People held with the witnesses, known to them by a nickname only. */
  detainees: DemoPerson[];
  groups: (DemoPerson & { size: number })[];
}

/** Years between a witness's birth and a relative's, by relationship. */
const ageGap: Record<RelativeRole, [number, number]> = {
  spouse: [-6, 4],
  child: [20, 30],
  parent: [-32, -20],
  sibling: [-8, 8],
};

const roleKo: Record<RelativeRole, string> = {
  spouse: "배우자",
  child: "자녀",
  parent: "부모",
  sibling: "형제자매",
};

function witnessNotes(s: Story): string {
  const inside = s.relativesInside.join(" and ");
  if (s.lang === "ko")
    return `${s.route.countyKo} 경유 강제송환 경험. ${s.arrivalYear}년 한국 입국.${
      s.relativesInside.length
        ? ` 북한에 남은 가족: ${s.relativesInside.map((r) => roleKo[r]).join(", ")}.`
        : ""
    }`;
  return `Returned via ${s.route.countyEn}; reached the Republic of Korea in ${s.arrivalYear}.${
    inside
      ? ` ${inside[0]?.toUpperCase()}${inside.slice(1)} ${s.relativesInside.length === 1 ? "remains" : "remain"} in ${s.route.provinceEn}.`
      : ""
  }`;
}

async function createPerson(ctx: DemoContext, fields: Record<string, unknown>, female: boolean) {
  const p = await createDemoRecord(ctx, "persons", { kind: "individual", nationality: "PRK", ...fields });
  return { id: p.id, code: String(p.code), female };
}

async function createRelatives(ctx: DemoContext, s: Story, witness: DemoPerson, seq: { n: number }) {
  const out: { role: RelativeRole; person: DemoPerson }[] = [];
  for (const role of s.relativesInside) {
    const female = role === "spouse" ? !s.female : ctx.rnd.chance(0.5);
    const born = s.birthYear + ctx.rnd.int(...ageGap[role]);
    const person = await createPerson(
      ctx,
      {
        code: `V-${s.handover.year}-${String(++seq.n).padStart(3, "0")}`,
        sex: female ? sexes.female : sexes.male,
        birthYear: Math.min(born, 2012),
        birthYearApproximate: true,
        notes: `${role[0]?.toUpperCase()}${role.slice(1)} of ${witness.code}; remains in ${s.route.provinceEn}.`,
      },
      female,
    );
    out.push({ role, person });
  }
  return out;
}

/** Creates the witnesses, their relatives inside, fellow detainees and groups, all under pseudonymous codes. */
export async function createPeople(ctx: DemoContext, stories: Story[]): Promise<DemoPeople> {
  const seq = { n: 0 };
  const people: DemoPeople = { witnesses: [], relatives: new Map(), detainees: [], groups: [] };
  for (const s of stories) {
    const witness = await createPerson(
      ctx,
      {
        code: s.code,
        sex: s.female ? sexes.female : sexes.male,
        birthYear: s.birthYear,
        birthYearApproximate: s.birthApproximate,
        notes: witnessNotes(s),
        confidentiality: storyLevel(s) === "strictly_confidential" ? "strictly_confidential" : "confidential",
      },
      s.female,
    );
    people.witnesses.push(witness);
    people.relatives.set(s.index, await createRelatives(ctx, s, witness, seq));
  }
  for (let i = 0; i < 6; i++) {
    const female = i < 5;
    people.detainees.push(
      await createPerson(
        ctx,
        {
          code: `V-${2012 + i}-${String(40 + i * 7).padStart(3, "0")}`,
          sex: female ? sexes.female : sexes.male,
          birthYear: ctx.rnd.int(1965, 1995),
          birthYearApproximate: true,
          notes: "Held with other witnesses; known to them by a nickname only.",
          confidentiality: "internal",
        },
        female,
      ),
    );
  }
  for (let i = 0; i < 4; i++) {
    const route = routes[i] ?? routes[0];
    const size = ctx.rnd.int(5, 14);
    const g = await createDemoRecord(ctx, "persons", {
      kind: "group",
      code: `G-${2013 + i}-${String(i + 1).padStart(3, "0")}`,
      countingUnit: i === 3 ? countingUnits.family : countingUnits.group,
      groupSize: i === 3 ? 4 : size,
      nationality: "PRK",
      notes:
        i === 3
          ? "A family of four returned together; the children were later released to relatives."
          : `${size} people returned together from ${route?.city} to ${route?.countyEn}.`,
      confidentiality: i === 0 ? "public" : "internal",
    });
    people.groups.push({ id: g.id, code: String(g.code), female: true, size: Number(g.groupSize) });
  }
  return people;
}
