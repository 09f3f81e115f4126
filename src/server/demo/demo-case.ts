import { personSpec } from "../modules/persons/persons.schemas.js";
import { getRecord, updateRecord } from "../platform/records/records.usecases.js";
import { createDemoRecord, type DemoContext, placeId } from "./demo-context.js";
import { linkSource } from "./demo-links.js";
import type { DemoPeople } from "./demo-people.js";
import type { Story } from "./demo-stories.js";
import {
  actTypes,
  connections,
  degrees,
  perpetratorTypes,
  relationTypes,
  reliability,
  sexes,
  sourceMaterials,
  victimStatus,
  violationStatus,
  whereabouts,
} from "./demo-vocab.js";

const caseNote =
  "Fictional case: detained by Chinese public security in Tumen on 2 March 2018 and held pending repatriation. " +
  "Urgent appeal to China under consideration; days matter.";

const caseActs = [
  {
    kind: "arrest",
    date: { value: "2018-03-02", precision: "day" },
    unit: "Public Security Bureau, Tumen",
    degree: degrees.direct,
  },
  {
    kind: "detention",
    date: { value: "2018-03", precision: "month" },
    unit: "Border detention centre, Tumen",
    degree: degrees.direct,
  },
  {
    kind: "refoulement",
    date: { value: "2018-03", precision: "month" },
    unit: "Border defence detachment, Tumen",
    degree: degrees.planned,
  },
] as const;

/** Writes the case of a person facing repatriation: restricted person, confidential event, acts and a phone source. */
export async function createRepatriationCase(ctx: DemoContext, stories: Story[], people: DemoPeople) {
  const story = stories.find((s) => s.female && s.route.city === "Tumen" && s.index > 0) ?? stories[2];
  const sister = story ? people.witnesses[story.index] : undefined;
  if (!story || !sister) throw new Error("demo: no witness for the repatriation case");
  const restrictedTo = [ctx.holderId];
  const person = await createDemoRecord(ctx, "persons", {
    kind: "individual",
    code: "V-2018-101",
    sex: sexes.female,
    birthYear: story.birthYear + 6,
    birthYearApproximate: true,
    nationality: "PRK",
    notes: `${caseNote} Sister of ${sister.code}.`,
    restrictedTo,
  });
  await createDemoRecord(ctx, "relations", {
    personId: sister.id,
    relatedPersonId: person.id,
    relationType: relationTypes.sibling,
    separatedByBorder: true,
    note: "Younger sister, detained in China.",
    restrictedTo,
  });
  const event = await createDemoRecord(ctx, "events", {
    title: "Detention in China pending repatriation",
    description: `중국 내 구금, 강제송환 임박. ${caseNote}`,
    startDate: { value: "2018-03-02", precision: "day" },
    placeId: placeId(ctx, "CHN"),
    violationStatus: violationStatus.likely,
    confidentiality: "confidential",
  });
  const acts = [];
  for (const a of caseActs) {
    const act = await createDemoRecord(ctx, "acts", {
      eventId: event.id,
      victimId: person.id,
      actType: actTypes[a.kind],
      actDate: a.date,
      placeId: placeId(ctx, "CHN"),
      confidentiality: "confidential",
      ...(a.kind === "detention"
        ? { whereabouts: whereabouts.noFamilyContact, victimStatusAfter: victimStatus.heldArbitrarily }
        : {}),
      ...(a.kind === "refoulement"
        ? {
            consequences:
              "Transfer to the border reported as imminent; not carried out at last contact (9 March 2018).",
          }
        : {}),
    });
    await createDemoRecord(ctx, "involvements", {
      actId: act.id,
      perpetratorName: a.unit,
      perpetratorType: perpetratorTypes.police,
      degree: a.degree,
      confidentiality: "confidential",
    });
    acts.push(act);
  }
  const source = await createDemoRecord(ctx, "sources", {
    kind: "interview",
    title: `Telephone call with ${sister.code} about her sister`,
    sourceDate: { value: "2018-03-09", precision: "day" },
    placeId: placeId(ctx, "KOR"),
    interviewer: "Demo Human Rights Officer",
    languages: ["ko"],
    interpreter: "Contract interpreter (Korean–English)",
    consentScope: "internal",
    reprisalRisk: "high",
    reprisalNote: "Any public mention before a decision could speed up the transfer. 동생 신상 노출 금지.",
    summary:
      "The sister says the detainee was arrested at a rented room in Tumen on 2 March and told she would be sent back within days. 중개인을 통해 연락받음.",
    intervieweeId: sister.id,
    sourceType: sourceMaterials.telephone,
    confidentiality: "strictly_confidential",
    restrictedTo,
  });
  const written = {
    id: source.id,
    storyIndex: null,
    followUp: false,
    confidentiality: "strictly_confidential" as const,
    restrictedTo,
  };
  const judged = { reliability: reliability.likely, connection: connections.relative };
  await linkSource(ctx, written, { type: "event", id: event.id, level: "confidential" }, judged);
  for (const act of acts)
    await linkSource(ctx, written, { type: "act", id: act.id, level: "confidential" }, judged);
  await linkSource(ctx, written, { type: "person", id: person.id, level: "confidential" }, judged);
  const current = await getRecord({ db: ctx.deps.db, actor: ctx.actor, spec: personSpec, id: sister.id });
  await updateRecord({
    db: ctx.deps.db,
    actor: ctx.actor,
    spec: personSpec,
    id: sister.id,
    input: {
      version: current.version,
      notes:
        `${String(current.notes ?? "")} Sister detained in China pending repatriation since March 2018 (see case event).`.trim(),
    },
  });
  return {
    personId: person.id,
    sisterId: sister.id,
    eventId: event.id,
    actIds: acts.map((a) => a.id),
    sourceId: source.id,
  };
}
export type RepatriationCase = Awaited<ReturnType<typeof createRepatriationCase>>;
