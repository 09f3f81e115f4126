import type { OpenedDeps } from "../bootstrap.js";
import { writeEvent } from "./demo-acts.js";
import { createRepatriationCase } from "./demo-case.js";
import { type DemoContext, demoActor } from "./demo-context.js";
import { createDocuments } from "./demo-documents.js";
import { createIdentities } from "./demo-identities.js";
import { createDemoLetters } from "./demo-letters.js";
import { linkDocuments, linkInterviews } from "./demo-links.js";
import { createPeople } from "./demo-people.js";
import { resolvePlaces } from "./demo-places.js";
import type { WrittenEvent } from "./demo-plans.js";
import { createDemoPressReleases } from "./demo-press-releases.js";
import { createDemoPublishedReport } from "./demo-published-report.js";
import { createRandom } from "./demo-random.js";
import { createDemoRecommendations } from "./demo-recommendations.js";
import { createRelations } from "./demo-relations.js";
import { createDemoReport } from "./demo-report.js";
import { createInterviews } from "./demo-sources.js";
import { buildStories } from "./demo-stories.js";
import { storyEvents } from "./demo-story-events.js";
import { createDemoVisits } from "./demo-visits.js";

/** The seed of the demo's random source: change it and the whole demo changes, consistently. */
const demoSeed = 20170717;

/**
 * Writes the demo's testimony as the demo officer: people, families, interviews, documents, events, acts,
 * perpetrators, information links and one case of imminent repatriation. Returns how many of each it wrote.
 * @example const counts = await writeDemoRecords(deps, mandateId, officerId, holderId);
 */
export async function writeDemoRecords(
  deps: OpenedDeps,
  mandateId: string,
  officerId: string,
  holderId: string,
) {
  const ctx: DemoContext = {
    deps,
    mandateId,
    actor: demoActor(officerId, mandateId, "officer"),
    holderId,
    rnd: createRandom(demoSeed),
    places: await resolvePlaces(deps.db),
    counts: {
      persons: 0,
      relations: 0,
      identities: 0,
      sources: 0,
      events: 0,
      acts: 0,
      involvements: 0,
      links: 0,
    },
  };
  const stories = buildStories(ctx.rnd);
  const people = await createPeople(ctx, stories);
  await createRelations(ctx, stories, people);
  await createIdentities(ctx, people);
  const eventsByStory: WrittenEvent[][] = [];
  for (const s of stories) {
    const written: WrittenEvent[] = [];
    for (const plan of storyEvents(s, people, ctx.rnd)) written.push(await writeEvent(ctx, plan, s.route));
    eventsByStory.push(written);
  }
  const interviews = await createInterviews(ctx, stories, people);
  const documents = await createDocuments(ctx);
  await linkInterviews(ctx, interviews, eventsByStory, people);
  await linkDocuments(ctx, documents, eventsByStory.flat());
  const repatriation = await createRepatriationCase(ctx, stories, people);
  await createDemoLetters(ctx, repatriation, people);
  await createDemoVisits(ctx, people);
  await createDemoReport(ctx);
  await createDemoPublishedReport(ctx);
  await createDemoRecommendations(ctx);
  await createDemoPressReleases(ctx);
  return ctx.counts;
}
