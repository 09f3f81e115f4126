import { abilitiesOn } from "../../platform/access/access.policies.js";
import { loadAccessFacts } from "../../platform/access/access.repository.js";
import { untyped } from "../../platform/db/any-db.js";
import { defineRecordSpec, type Problems } from "../../platform/records/record-spec.js";

export const linkTargets = { event: "events", act: "acts", person: "persons" } as const;

/** A source tells about an event, an act or a person, with how reliable it is and how the source knows. */
export const informationLinkSpec = defineRecordSpec({
  type: "information_link",
  plural: "information-links",
  table: "information_links",
  defaultConfidentiality: "internal",
  quickSearch: ["note"],
  fields: {
    sourceId: {
      column: "source_id",
      type: { kind: "ref", table: "sources", required: true },
      filter: true,
      immutable: true,
    },
    targetType: {
      column: "target_type",
      type: { kind: "enum", values: ["event", "act", "person"], required: true },
      filter: true,
      immutable: true,
    },
    targetId: {
      column: "target_id",
      type: { kind: "text", max: 64, required: true },
      filter: true,
      immutable: true,
    },
    reliability: { column: "reliability", type: { kind: "vocab", list: "reliability" }, filter: true },
    connection: { column: "connection", type: { kind: "vocab", list: "source_connection_to_information" } },
    note: { column: "note", type: { kind: "text", max: 5000 } },
  },
  check: async (input, { db, actor, mandateId, existing }): Promise<Problems> => {
    if (existing) return {};
    const table = linkTargets[input.targetType as keyof typeof linkTargets];
    const facts = await loadAccessFacts(untyped(db), actor, table, [String(input.targetId)]);
    const target = facts.get(String(input.targetId));
    if (!target || !abilitiesOn(actor, target).read) return { targetId: { code: "field.unknown_reference" } };
    return target.mandateId === mandateId ? {} : { targetId: { code: "field.other_mandate" } };
  },
});
