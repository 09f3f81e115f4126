import { createDemoRecord, type DemoContext } from "./demo-context.js";
import type { DemoPeople } from "./demo-people.js";
import type { RelativeRole, Story } from "./demo-stories.js";
import { relationTypes } from "./demo-vocab.js";

const typeOfRole: Record<RelativeRole, string> = {
  spouse: relationTypes.spouse,
  child: relationTypes.child,
  parent: relationTypes.parent,
  sibling: relationTypes.sibling,
};

async function relate(
  ctx: DemoContext,
  personId: string,
  relatedPersonId: string,
  relationType: string,
  separatedByBorder: boolean,
  note: string,
) {
  await createDemoRecord(ctx, "relations", {
    personId,
    relatedPersonId,
    relationType,
    separatedByBorder,
    note,
  });
}

async function relateFamily(ctx: DemoContext, s: Story, people: DemoPeople) {
  const witness = people.witnesses[s.index];
  const relatives = people.relatives.get(s.index) ?? [];
  if (!witness) return;
  for (const { role, person } of relatives) {
    const note =
      s.lang === "ko"
        ? `${s.route.provinceKo}에 남아 있음. ${s.arrivalYear}년 이후 연락 두절.`
        : `Remains in ${s.route.provinceEn}; no direct contact since ${s.arrivalYear}.`;
    await relate(ctx, witness.id, person.id, typeOfRole[role], true, note);
  }
  const spouse = relatives.find((r) => r.role === "spouse");
  const child = relatives.find((r) => r.role === "child");
  if (spouse && child)
    await relate(
      ctx,
      child.person.id,
      spouse.person.id,
      relationTypes.parent,
      false,
      "Living together inside.",
    );
}

/** Ties the people together: families split by the border, detainees held together, members of returned groups. */
export async function createRelations(ctx: DemoContext, stories: Story[], people: DemoPeople) {
  for (const s of stories) await relateFamily(ctx, s, people);
  for (const [i, d] of people.detainees.entries()) {
    const group = people.groups[i % 3];
    if (group) await relate(ctx, d.id, group.id, relationTypes.memberOf, false, "Returned with this group.");
    const witness = people.witnesses[(i * 5 + 2) % people.witnesses.length];
    const story = witness ? stories[people.witnesses.indexOf(witness)] : undefined;
    if (witness && story)
      await relate(
        ctx,
        witness.id,
        d.id,
        relationTypes.neighbour,
        false,
        `Held in the same cell at the ${story.route.countyEn} holding centre; knew each other from home.`,
      );
  }
}
