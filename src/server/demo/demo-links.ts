import type { Confidentiality } from "../platform/access/access.policies.js";
import { createDemoRecord, type DemoContext } from "./demo-context.js";
import type { DemoDocument } from "./demo-documents.js";
import type { DemoPeople } from "./demo-people.js";
import { stricter, type WrittenEvent } from "./demo-plans.js";
import type { WrittenSource } from "./demo-sources.js";
import { connections, reliability, sourceMaterials } from "./demo-vocab.js";

type Target = { type: "event" | "act" | "person"; id: string; level: Confidentiality };
type Judgement = { reliability: string; connection: string; note?: string };

/**
 * Links a source to what it tells about. A link is never more open than its source or its target, and a
 * source restricted to named people keeps its links restricted to them too.
 */
export async function linkSource(ctx: DemoContext, source: WrittenSource, target: Target, judged: Judgement) {
  await createDemoRecord(ctx, "links", {
    sourceId: source.id,
    targetType: target.type,
    targetId: target.id,
    ...judged,
    confidentiality: stricter(source.confidentiality, target.level),
    ...(source.restrictedTo
      ? { restrictedTo: source.restrictedTo.filter((u) => u !== ctx.actor.userId) }
      : {}),
  });
}

async function linkInterview(
  ctx: DemoContext,
  source: WrittenSource,
  events: WrittenEvent[],
  people: DemoPeople,
) {
  const index = source.storyIndex ?? 0;
  const witness = people.witnesses[index];
  const relatives = people.relatives.get(index) ?? [];
  const relativeIds = new Set(relatives.map((r) => r.person.id));
  const firm = ctx.rnd.chance(0.4) ? reliability.high : reliability.likely;
  if (source.followUp) {
    for (const e of ctx.rnd.sample(events, 2))
      await linkSource(
        ctx,
        source,
        { type: "event", id: e.id, level: e.confidentiality },
        {
          reliability: firm,
          connection: connections.victim,
          note: "Dates confirmed at follow-up.",
        },
      );
    return;
  }
  for (const e of events) {
    await linkSource(
      ctx,
      source,
      { type: "event", id: e.id, level: e.confidentiality },
      { reliability: firm, connection: connections.victim },
    );
    for (const a of e.acts) {
      const connection =
        a.victimId === witness?.id
          ? connections.victim
          : a.victimId && relativeIds.has(a.victimId)
            ? connections.relative
            : connections.witness;
      await linkSource(
        ctx,
        source,
        { type: "act", id: a.id, level: a.confidentiality },
        { reliability: firm, connection },
      );
    }
  }
  if (witness)
    await linkSource(
      ctx,
      source,
      { type: "person", id: witness.id, level: "confidential" },
      { reliability: firm, connection: connections.victim },
    );
  for (const r of relatives)
    await linkSource(
      ctx,
      source,
      { type: "person", id: r.person.id, level: "confidential" },
      { reliability: reliability.likely, connection: connections.relative },
    );
}

/** Links each interview to its witness's events, acts and people. */
export async function linkInterviews(
  ctx: DemoContext,
  sources: WrittenSource[],
  eventsByStory: WrittenEvent[][],
  people: DemoPeople,
) {
  for (const source of sources) {
    if (source.storyIndex === null) continue;
    await linkInterview(ctx, source, eventsByStory[source.storyIndex] ?? [], people);
  }
}

/** Links each document to the earlier events of the kinds and counties it covers. */
export async function linkDocuments(
  ctx: DemoContext,
  documents: (WrittenSource & { doc: DemoDocument })[],
  events: WrittenEvent[],
) {
  for (const d of documents) {
    const { kinds, counties } = d.doc.covers;
    const covered = events.filter(
      (e) =>
        kinds.includes(e.kind) && (!counties || counties.includes(e.county)) && e.start < d.doc.date.value,
    );
    for (const e of covered.slice(0, 8)) {
      await linkSource(
        ctx,
        d,
        { type: "event", id: e.id, level: e.confidentiality },
        {
          reliability:
            d.doc.sourceType === sourceMaterials.photograph ? reliability.unsure : reliability.likely,
          connection: d.doc.sourceType === sourceMaterials.press ? connections.thirdParty : connections.ngo,
        },
      );
    }
  }
}
