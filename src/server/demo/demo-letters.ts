import type { TransitionAction } from "../modules/communications/communications.policies.js";
import { transitionCommunication } from "../modules/communications/communications.usecases.js";
import { addDays, today } from "../platform/db/time.js";
import type { RepatriationCase } from "./demo-case.js";
import { createDemoRecord, type DemoContext, demoActor } from "./demo-context.js";
import type { DemoPeople } from "./demo-people.js";

const letterBody = {
  ua2018:
    "Excellency,\n\nI have the honour to address you in my capacity as Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea.\n\n" +
    "I would like to bring to the attention of your Excellency's Government information I have received concerning a woman from the Democratic People's Republic of Korea, detained by public security officers in Tumen on 2 March 2018 and reportedly facing imminent forced return.\n\n" +
    "Without prejudging the accuracy of this information, I express grave concern that, if returned, she would be at real risk of torture, arbitrary detention and sexual violence. I call on your Excellency's Government to respect the principle of non-refoulement.\n\n" +
    "I would be grateful for your observations within 60 days.",
  al2017:
    "Excellency,\n\nWe have the honour to address you in our capacities as Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea and Working Group on Arbitrary Detention.\n\n" +
    "We would like to bring to the attention of your Excellency's Government consistent accounts of people returned from China and held in holding centres in North Hamgyong province, where they are interrogated, denied food and subjected to forced labour.\n\n" +
    "We would be grateful for your observations on these allegations and on the measures taken to investigate them.",
  uaNow:
    "Excellency,\n\nI have the honour to address you in my capacity as Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea.\n\n" +
    "I have received information that three women from the Democratic People's Republic of Korea are held at a border detention centre in Dandong and may be returned within days.\n\n" +
    "I urge your Excellency's Government to halt their return and to give the Office of the United Nations High Commissioner for Refugees access to them.",
};

/**
 * The mandate's action work in the demo: two cases (one of them the repatriation case), letters at every stage —
 * a 2017 joint allegation letter left without reply, a 2018 urgent appeal with its reply, an urgent appeal sent
 * today with its deadline running, and a letter to a company in review.
 */
export async function createDemoLetters(ctx: DemoContext, rc: RepatriationCase, people: DemoPeople) {
  const holder = demoActor(ctx.holderId, ctx.mandateId, "mandate_holder");
  const restrictedTo = [ctx.holderId];
  const step = async (id: string, steps: [TransitionAction, string | undefined][]) => {
    for (const [action, on] of steps)
      await transitionCommunication({
        db: ctx.deps.db,
        actor: action === "approve" ? holder : ctx.actor,
        id,
        action,
        on,
      });
  };
  const link = (
    communicationId: string,
    targetType: string,
    targetId: string,
    more: Record<string, unknown> = {},
  ) => createDemoRecord(ctx, "communicationLinks", { communicationId, targetType, targetId, ...more });

  const held = await createDemoRecord(ctx, "cases", {
    title: "V-2018-101: detained in Tumen, facing forced return",
    caseKind: "individual",
    summary: "Woman detained by public security in Tumen; her sister in Seoul fears her return is imminent.",
    priority: "urgent",
    country: "CHN",
    ownerId: ctx.actor.userId,
    nextAction: "Ask the Permanent Mission of China whether she was moved to the border; call her sister.",
    nextActionOn: addDays(today(), 3),
    confidentiality: "confidential",
    restrictedTo,
  });
  for (const [status, statusOn, note] of [
    ["detained", "2018-03-02", "Arrested at a rented room in Tumen."],
    [
      "transferred",
      "2018-03-09",
      "Moved to the border detention centre; transfer to the border said to be imminent.",
    ],
  ] as const)
    await createDemoRecord(ctx, "caseStatusChanges", {
      caseId: held.id,
      status,
      statusOn,
      sourceId: rc.sourceId,
      note,
      confidentiality: "confidential",
      restrictedTo,
    });
  await createDemoRecord(ctx, "caseLinks", { caseId: held.id, targetType: "person", targetId: rc.personId });
  await createDemoRecord(ctx, "caseLinks", { caseId: held.id, targetType: "event", targetId: rc.eventId });

  const group = people.groups[0];
  const dandong = await createDemoRecord(ctx, "cases", {
    title: "Three women held at the Dandong border detention centre",
    caseKind: "group",
    summary: "Reported by a partner NGO; names withheld at the families' request.",
    priority: "high",
    country: "CHN",
    ownerId: ctx.actor.userId,
    nextAction: "Check with partner NGOs whether they were returned.",
    nextActionOn: addDays(today(), 10),
    confidentiality: "confidential",
  });
  await createDemoRecord(ctx, "caseStatusChanges", {
    caseId: dandong.id,
    status: "at_risk",
    statusOn: addDays(today(), -2),
    note: "Return reported as imminent.",
  });
  if (group)
    await createDemoRecord(ctx, "caseLinks", {
      caseId: dandong.id,
      targetType: "person",
      targetId: group.id,
    });

  const al = await createDemoRecord(ctx, "communications", {
    kind: "AL",
    subject: "Treatment of people returned from China in holding centres of North Hamgyong",
    addresseeKind: "state",
    addresseeCountry: "PRK",
    jointMandates: ["Working Group on Arbitrary Detention"],
    language: "en",
    summary: "Based on 14 interviews in Seoul, July 2017.",
    publicSummary:
      "Allegations of ill-treatment and forced labour of people returned from China to holding centres.",
    body: letterBody.al2017,
  });
  await step(al.id, [
    ["submit", "2017-08-01"],
    ["approve", "2017-08-08"],
    ["send", "2017-08-10"],
    ["markNoReply", "2017-10-10"],
  ]);

  const ua = await createDemoRecord(ctx, "communications", {
    kind: "UA",
    subject: "Imminent forced return of a woman detained in Tumen",
    addresseeKind: "state",
    addresseeCountry: "CHN",
    language: "en",
    summary: "Case V-2018-101; information from her sister.",
    publicSummary: "Imminent forced repatriation of a woman from the DPRK detained in Jilin province.",
    body: letterBody.ua2018,
  });
  await link(ua.id, "case", held.id);
  await link(ua.id, "person", rc.personId);
  await link(ua.id, "source", rc.sourceId);
  await step(ua.id, [
    ["submit", "2018-03-05"],
    ["approve", "2018-03-05"],
    ["send", "2018-03-06"],
  ]);
  await createDemoRecord(ctx, "communicationReplies", {
    communicationId: ua.id,
    receivedOn: "2018-05-02",
    summary:
      "The Government states that the person entered China illegally and was dealt with in accordance with the law and humanitarian principles.",
  });

  const now = await createDemoRecord(ctx, "communications", {
    kind: "UA",
    subject: "Imminent forced return of three women held in Dandong",
    addresseeKind: "state",
    addresseeCountry: "CHN",
    language: "en",
    publicSummary: "Imminent forced repatriation of three women from the DPRK detained in Liaoning province.",
    body: letterBody.uaNow,
  });
  await link(now.id, "case", dandong.id);
  if (group) await link(now.id, "person", group.id);
  await step(now.id, [
    ["submit", undefined],
    ["approve", undefined],
    ["send", undefined],
  ]);

  const ol = await createDemoRecord(ctx, "communications", {
    kind: "OL",
    subject: "Recruitment of overseas workers from the DPRK",
    addresseeKind: "non_state",
    addresseeName: "Example Maritime Holdings Ltd.",
    language: "ko",
    body: "귀사의 해외 노동자 모집 관행에 관하여 서한을 드립니다.\n\n관련 정보에 대한 귀사의 의견을 요청드립니다.",
  });
  await step(ol.id, [["submit", undefined]]);
}
