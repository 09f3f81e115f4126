import { defineRecordSpec, type Problems } from "../../platform/records/record-spec.js";
import { checkLinkTarget, inheritTargetAccess, linkFields } from "../action-links/action-links.policies.js";
import { communicationStatuses, letterFields } from "./communications.policies.js";
import { createCommunicationsRepository } from "./communications.repository.js";
import { followCommunication } from "./communications.usecases.js";

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Checks a letter's addressee, its locked text once approved, and a publication day never before sending. */
function checkCommunication(input: Record<string, unknown>, existing?: Record<string, unknown>): Problems {
  const problems: Problems = {};
  const kind =
    (input.addresseeKind as string | undefined) ?? (existing?.addressee_kind as string | undefined);
  const country = input.addresseeCountry === undefined ? existing?.addressee_country : input.addresseeCountry;
  const name = input.addresseeName === undefined ? existing?.addressee_name : input.addresseeName;
  if (kind === "state" && !country) problems.addresseeCountry = { code: "field.required" };
  if (kind === "non_state" && !name) problems.addresseeName = { code: "field.required" };
  if (existing && !["draft", "in_review"].includes(String(existing.status))) {
    for (const [field, column] of Object.entries(letterFields)) {
      if (input[field] === undefined) continue;
      const before =
        column === "joint_mandates" ? JSON.parse(String(existing[column] ?? "[]")) : existing[column];
      if (!same(input[field], before)) problems[field] = { code: "communications.letter_locked" };
    }
  }
  const sentOn = existing?.sent_on as string | null | undefined;
  const publishOn = input.publishOn as string | null | undefined;
  if (sentOn && publishOn && publishOn < sentOn)
    problems.publishOn = { code: "communications.publish_before_sent", params: { sentOn } };
  if (sentOn && input.publishOn === null) problems.publishOn = { code: "field.required" };
  if (sentOn && input.replyDueOn === null) problems.replyDueOn = { code: "field.required" };
  return problems;
}

/** A letter to a state or another actor: drafted, reviewed, approved, sent with its reference, replied, published. */
export const communicationSpec = defineRecordSpec({
  type: "communication",
  plural: "communications",
  table: "communications",
  defaultConfidentiality: "confidential",
  quickSearch: ["subject", "reference", "summary"],
  afterWrite: (db, id) => followCommunication(db, id),
  fields: {
    kind: {
      column: "kind",
      type: { kind: "enum", values: ["AL", "UA", "OL"], required: true },
      filter: true,
      sort: true,
      doc: "AL allegation letter, UA urgent appeal, OL other letter",
    },
    status: {
      column: "status",
      type: { kind: "enum", values: communicationStatuses },
      filter: true,
      sort: true,
      readOnly: true,
      doc: "Moved by POST /communications/{id}/transitions",
    },
    subject: { column: "subject", type: { kind: "text", max: 300, required: true }, sort: true },
    addresseeKind: {
      column: "addressee_kind",
      type: { kind: "enum", values: ["state", "non_state"], required: true },
      filter: true,
    },
    addresseeCountry: { column: "addressee_country", type: { kind: "country" }, filter: true, sort: true },
    addresseeName: {
      column: "addressee_name",
      type: { kind: "text", max: 300 },
      doc: "A company or an intergovernmental body; for a state, an optional office",
    },
    jointMandates: {
      column: "joint_mandates",
      type: { kind: "stringList", maxItems: 30, maxLength: 300 },
      doc: "Other mandates joining: a joint letter (JAL, JUA, JOL)",
    },
    language: { column: "language", type: { kind: "enum", values: ["en", "ko"], required: true } },
    summary: { column: "summary", type: { kind: "text", max: 20_000 }, doc: "Internal summary" },
    publicSummary: {
      column: "public_summary",
      type: { kind: "text", max: 5000 },
      doc: "Published with the letter once the embargo lifts",
    },
    body: {
      column: "body",
      type: { kind: "text", max: 200_000 },
      doc: "The letter's text; blank lines part paragraphs",
    },
    reference: {
      column: "reference",
      type: { kind: "text", max: 40 },
      readOnly: true,
      filter: true,
      sort: true,
    },
    sentOn: { column: "sent_on", type: { kind: "day" }, readOnly: true, sort: true },
    replyDueOn: { column: "reply_due_on", type: { kind: "day" }, sort: true },
    publishOn: { column: "publish_on", type: { kind: "day" }, sort: true },
    publishedAt: { column: "published_at", type: { kind: "text", max: 40 }, readOnly: true },
    allegedVictims: {
      column: "alleged_victims",
      type: { kind: "int", min: 0, max: 10_000_000 },
      readOnly: true,
      doc: "Persons linked directly or through linked cases; a group counts as its size",
    },
    replyCount: { column: "reply_count", type: { kind: "int", min: 0, max: 10_000 }, readOnly: true },
  },
  check: (input, { existing }) => checkCommunication(input, existing),
});

/** A case, person, act, event or source a letter concerns; never less confidential than its target. */
export const communicationLinkSpec = defineRecordSpec({
  type: "communication_link",
  plural: "communication-links",
  table: "communication_links",
  defaultConfidentiality: "internal",
  quickSearch: ["note"],
  afterWrite: async (db, id) => {
    await inheritTargetAccess(db, { table: "communication_links", type: "communication_link" }, id);
    const repo = createCommunicationsRepository({ db });
    const communicationId = await repo.communicationOf("communication_links", id);
    if (communicationId) await repo.refreshCounts(communicationId);
  },
  fields: {
    communicationId: {
      column: "communication_id",
      type: { kind: "ref", table: "communications", required: true },
      filter: true,
      immutable: true,
    },
    ...linkFields(["case", "person", "act", "event", "source"]),
  },
  check: checkLinkTarget,
});

/** A state's reply: when it came, what it says, the document. Published with the letter. */
export const communicationReplySpec = defineRecordSpec({
  type: "communication_reply",
  plural: "communication-replies",
  table: "communication_replies",
  defaultConfidentiality: "confidential",
  quickSearch: ["summary"],
  afterWrite: async (db, id) => {
    const repo = createCommunicationsRepository({ db });
    const communicationId = await repo.communicationOf("communication_replies", id);
    if (communicationId) await followCommunication(db, communicationId, { replied: true });
  },
  fields: {
    communicationId: {
      column: "communication_id",
      type: { kind: "ref", table: "communications", required: true },
      filter: true,
      immutable: true,
    },
    receivedOn: { column: "received_on", type: { kind: "day", required: true }, sort: true },
    summary: { column: "summary", type: { kind: "text", max: 20_000 } },
    attachmentId: { column: "attachment_id", type: { kind: "ref", table: "attachments" } },
  },
  check: async (input, { db, existing }): Promise<Problems> => {
    if (existing) return {};
    const c = await createCommunicationsRepository({ db }).find(String(input.communicationId));
    return c && !c.sent_on ? { communicationId: { code: "communications.not_sent" } } : {};
  },
});
