import { defineRecordSpec, type Problems } from "../../platform/records/record-spec.js";
import { createRecordsRepository } from "../../platform/records/records.repository.js";
import { checkLinkTarget, inheritTargetAccess, linkFields } from "../action-links/action-links.policies.js";
import { indexRecords } from "../search/search-index.usecases.js";
import { createCasesRepository } from "./cases.repository.js";
import { caseStatuses, scheduleNextAction } from "./cases.usecases.js";

/** An individual or group case needing action: who, where held, how urgent, what is next and by when. */
export const caseSpec = defineRecordSpec({
  type: "case",
  plural: "cases",
  table: "cases",
  defaultConfidentiality: "confidential",
  quickSearch: ["title", "summary", "next_action"],
  afterWrite: async (db, id) => {
    await scheduleNextAction(db, id);
    await indexRecords(db, "case", [id]);
  },
  fields: {
    title: { column: "title", type: { kind: "text", max: 300, required: true }, sort: true },
    caseKind: {
      column: "case_kind",
      type: { kind: "enum", values: ["individual", "group"], required: true },
      filter: true,
    },
    summary: { column: "summary", type: { kind: "text", max: 20_000 } },
    priority: {
      column: "priority",
      type: { kind: "enum", values: ["low", "normal", "high", "urgent"], required: true },
      filter: true,
      sort: true,
    },
    status: {
      column: "status",
      type: { kind: "enum", values: caseStatuses },
      filter: true,
      sort: true,
      readOnly: true,
      doc: "The latest entry of the status timeline (case-status-changes)",
    },
    statusOn: { column: "status_on", type: { kind: "day" }, readOnly: true },
    country: { column: "country", type: { kind: "country" }, filter: true, doc: "Where the person is held" },
    ownerId: {
      column: "owner_id",
      type: { kind: "text", max: 64 },
      filter: true,
      doc: "Member who follows it",
    },
    nextAction: { column: "next_action", type: { kind: "text", max: 1000 } },
    nextActionOn: { column: "next_action_on", type: { kind: "day" }, sort: true },
  },
  check: async (input, { db, mandateId }): Promise<Problems> => {
    const owner = input.ownerId;
    if (typeof owner !== "string") return {};
    return (await createRecordsRepository({ db }).membersOf(mandateId, [owner])).has(owner)
      ? {}
      : { ownerId: { code: "field.unknown_reference" } };
  },
});

/** One dated step of a case's timeline (detained, transferred, repatriated…), with the source that tells it. */
export const caseStatusChangeSpec = defineRecordSpec({
  type: "case_status_change",
  plural: "case-status-changes",
  table: "case_status_changes",
  defaultConfidentiality: "confidential",
  quickSearch: ["note"],
  afterWrite: async (db, id) => {
    const repo = createCasesRepository({ db });
    const caseId = await repo.caseOfChange(id);
    if (!caseId) return;
    await repo.refreshStatus(caseId);
    await scheduleNextAction(db, caseId);
  },
  fields: {
    caseId: {
      column: "case_id",
      type: { kind: "ref", table: "cases", required: true },
      filter: true,
      immutable: true,
    },
    status: { column: "status", type: { kind: "enum", values: caseStatuses, required: true }, filter: true },
    statusOn: { column: "status_on", type: { kind: "day", required: true }, sort: true },
    sourceId: { column: "source_id", type: { kind: "ref", table: "sources" }, filter: true },
    note: { column: "note", type: { kind: "text", max: 5000 } },
  },
});

/** A person, act, event or source a case concerns; the link is never less confidential than its target. */
export const caseLinkSpec = defineRecordSpec({
  type: "case_link",
  plural: "case-links",
  table: "case_links",
  defaultConfidentiality: "internal",
  quickSearch: ["note"],
  afterWrite: (db, id) => inheritTargetAccess(db, { table: "case_links", type: "case_link" }, id),
  fields: {
    caseId: {
      column: "case_id",
      type: { kind: "ref", table: "cases", required: true },
      filter: true,
      immutable: true,
    },
    ...linkFields(["person", "act", "event", "source"]),
  },
  check: checkLinkTarget,
});
