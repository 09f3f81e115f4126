import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDeps } from "../../src/server/bootstrap.js";
import { publishJobKey } from "../../src/server/modules/press-releases/press-release-schedule.js";
import { createSearchIndexRepository } from "../../src/server/modules/search/search-index.repository.js";
import { untyped } from "../../src/server/platform/db/any-db.js";
import { today } from "../../src/server/platform/db/time.js";
import { startScheduler } from "../../src/server/platform/jobs/jobs.usecases.js";
import type { ApiClient } from "../support/api-client.js";
import { build, createVia } from "../support/factories.js";
import { publishedReport } from "../support/publishing.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

interface PressRelease {
  id: string;
  slug: string;
  status: string;
  confidentiality: string;
  publishAt: string | null;
  publishedAt: string | null;
  titleEn: string | null;
  version: number;
}
interface ErrorBody {
  error: { code: string; message: string; fields: Record<string, { code: string; message: string }> };
}

/** A publication time `hours` from now, to the second, as the API takes it. */
const inHours = (hours: number) => `${new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 19)}Z`;
const hangul = /[\uac00-\ud7a3]/;

async function move(client: ApiClient, id: string, action: string, more: Record<string, unknown> = {}) {
  return client.post<PressRelease & ErrorBody>(`/api/v1/press-releases/${id}/transitions`, {
    action,
    ...more,
  });
}

async function actions(client: ApiClient, id: string) {
  return (await client.get<{ actions: string[] }>(`/api/v1/press-releases/${id}/actions`)).body.actions;
}

describe.each(dialects)("press releases on %s", (dialect) => {
  let world: World;
  let holder: ApiClient;
  let officer: ApiClient;
  let analyst: ApiClient;

  /** A release drafted by the analyst and submitted for review. */
  const inReview = async (o: Record<string, unknown> = {}) => {
    const r = await createVia<PressRelease>(
      analyst,
      "press-releases",
      build.pressRelease(world.mandateId, o),
    );
    expect((await move(analyst, r.id, "submit")).status).toBe(200);
    return r;
  };
  const publishJob = (id: string) =>
    world.deps.db
      .selectFrom("jobs")
      .select(["status", "run_at"])
      .where("key", "=", publishJobKey(id))
      .execute();
  const auditOf = (id: string, action: string) =>
    world.deps.db
      .selectFrom("audit_log")
      .select(["actor_id", "fields"])
      .where("record_id", "=", id)
      .where("action", "=", action)
      .execute();

  type Found = {
    total: number;
    items: { id: string; recordType: string; confidentiality: string; date: string }[];
  };
  const find = (client: ApiClient, q: string, more = "") =>
    client.get<Found>(`/api/v1/search?mandateId=${world.mandateId}&q=${encodeURIComponent(q)}${more}`);

  beforeAll(async () => {
    world = await createWorld(dialect);
    holder = await world.as("mandate_holder");
    officer = await world.as("officer");
    analyst = await world.as("analyst");
  });
  afterAll(async () => world?.close());

  it("a release is found by search in either language; a restricted draft only by those it is restricted to", async () => {
    const r = await inReview({
      titleEn: "Experts decry sandpiperword detentions",
      bodyKo: "제네바 — 도요새단어 구금을 규탄했다.",
    });
    expect((await find(officer, "sandpiperword")).body.items).toEqual([
      expect.objectContaining({ id: r.id, recordType: "press_release", confidentiality: "internal" }),
    ]);
    expect((await find(officer, "도요새단어")).body.items.map((i) => i.id)).toContain(r.id);
    const hidden = await createVia<PressRelease>(
      officer,
      "press-releases",
      build.pressRelease(world.mandateId, {
        titleEn: "Sealed turnstoneword draft",
        restrictedTo: [world.users.officer],
      }),
    );
    expect((await find(officer, "turnstoneword")).body.items.map((i) => i.id)).toEqual([hidden.id]);
    expect((await find(analyst, "turnstoneword")).body.total).toBe(0);
  });

  it("publishing makes a release public in search at once, dated by its day; unpublishing takes it back", async () => {
    const r = await inReview({ titleEn: "Experts welcome knotword releases" });
    const publicOnly = () => find(analyst, "knotword", "&confidentiality=public");
    expect((await publicOnly()).body.total).toBe(0);
    expect((await move(officer, r.id, "publish")).status).toBe(200);
    expect((await publicOnly()).body.items).toEqual([
      expect.objectContaining({ id: r.id, confidentiality: "public", date: today() }),
    ]);
    expect((await move(officer, r.id, "unpublish")).status).toBe(200);
    expect((await publicOnly()).body.total).toBe(0);
    expect((await find(analyst, "knotword")).body.items).toEqual([
      expect.objectContaining({ id: r.id, confidentiality: "internal" }),
    ]);
  });

  it("upgrading to the search of press releases indexes those written before, and published reports at level public", async () => {
    const r = await inReview({ titleEn: "Experts hail dotterelword ruling" });
    expect((await move(officer, r.id, "publish")).status).toBe(200);
    const report = await publishedReport(world, { title: "Published stintword report" });
    // The database as it was before: no document for the release, the published report's at its former level.
    const db = world.deps.db;
    await createSearchIndexRepository({ db }).remove([r.id]);
    await db
      .updateTable("search_documents")
      .set({ confidentiality: "confidential" })
      .where("id", "=", report.id)
      .execute();
    // The migrator's own table is not part of the application's schema types.
    await untyped(db)
      .deleteFrom("kysely_migration")
      .where("name", "=", "0014-search-press-releases")
      .execute();
    expect((await find(analyst, "dotterelword")).body.total).toBe(0);
    expect((await find(analyst, "stintword", "&confidentiality=public")).body.total).toBe(0);

    const upgraded = await openDeps(world.deps.config);
    await upgraded.destroy();
    expect((await find(analyst, "dotterelword", "&confidentiality=public")).body.items).toEqual([
      expect.objectContaining({ id: r.id, recordType: "press_release" }),
    ]);
    expect((await find(analyst, "stintword", "&confidentiality=public")).body.items).toEqual([
      expect.objectContaining({ id: report.id, recordType: "report" }),
    ]);
  });

  it("a release gets a slug from its date and English title; a Korean-only one from its date and a random part", async () => {
    const r = await createVia<PressRelease>(
      analyst,
      "press-releases",
      build.pressRelease(world.mandateId, { titleEn: "UN expert: China must halt the return of women!" }),
    );
    expect(r.slug).toBe(`${today()}-un-expert-china-must-halt-the-return-of-women`);
    expect(r).toMatchObject({ status: "draft", confidentiality: "internal", publishedAt: null });

    const dated = await createVia<PressRelease>(
      analyst,
      "press-releases",
      build.pressRelease(world.mandateId, { titleEn: "Visit to Seoul", publishAt: "2030-07-21T09:00:00Z" }),
    );
    expect(dated.slug).toBe("2030-07-21-visit-to-seoul");

    const korean = await createVia<PressRelease>(
      analyst,
      "press-releases",
      build.pressRelease(world.mandateId, { titleEn: null, bodyEn: null, summaryEn: null }),
    );
    expect(korean.slug).toMatch(new RegExp(`^${today()}-[a-z0-9]{6}$`));
  });

  it("slugs are unique in the mandate: a given one that is taken is refused, a made one is numbered", async () => {
    const title = "Statement at the end of the mission to Seoul";
    const first = await createVia<PressRelease>(
      analyst,
      "press-releases",
      build.pressRelease(world.mandateId, { titleEn: title }),
    );
    const second = await createVia<PressRelease>(
      analyst,
      "press-releases",
      build.pressRelease(world.mandateId, { titleEn: title }),
    );
    expect(second.slug).toBe(`${first.slug}-2`);
    const taken = await analyst.post<ErrorBody>(
      "/api/v1/press-releases",
      build.pressRelease(world.mandateId, { slug: first.slug }),
    );
    expect(taken.status).toBe(400);
    expect(taken.body.error.fields).toEqual({ slug: expect.objectContaining({ code: "field.taken" }) });
    const renamed = await analyst.patch<ErrorBody>(`/api/v1/press-releases/${second.id}`, {
      slug: first.slug,
    });
    expect(renamed.body.error.fields.slug?.code).toBe("field.taken");
    for (const slug of ["Has Capitals", "ends-with-", "한국어", "a--b"]) {
      const bad = await analyst.patch<ErrorBody>(`/api/v1/press-releases/${second.id}`, { slug });
      expect(bad.status, slug).toBe(400);
      expect(Object.keys(bad.body.error.fields), slug).toEqual(["slug"]);
    }
    // The same slug in another mandate is another address.
    const outsider = await world.as("outsider");
    const elsewhere = await createVia<PressRelease>(
      outsider,
      "press-releases",
      build.pressRelease(world.otherMandateId, { slug: first.slug }),
    );
    expect(elsewhere.slug).toBe(first.slug);
  });

  it("a release needs a title in one language, and each language with a title its body: named in English and Korean", async () => {
    const none = await analyst.post<ErrorBody>(
      "/api/v1/press-releases",
      { mandateId: world.mandateId, location: "Geneva" },
      { "accept-language": "ko" },
    );
    expect(none.status).toBe(400);
    expect(Object.keys(none.body.error.fields).sort()).toEqual(["titleEn", "titleKo"]);
    expect(none.body.error.fields.titleEn?.code).toBe("press-releases.title_needed");
    expect(none.body.error.fields.titleEn?.message).toMatch(hangul);

    const halfKorean = await analyst.post<ErrorBody>(
      "/api/v1/press-releases",
      build.pressRelease(world.mandateId, { bodyKo: null }),
      { "accept-language": "en" },
    );
    expect(halfKorean.status).toBe(400);
    expect(halfKorean.body.error.fields).toEqual({
      bodyKo: { code: "field.required", message: "Required." },
    });

    const bodyOnly = await analyst.post<ErrorBody>(
      "/api/v1/press-releases",
      build.pressRelease(world.mandateId, { titleKo: "" }),
      { "accept-language": "ko" },
    );
    expect(Object.keys(bodyOnly.body.error.fields)).toEqual(["titleKo"]);
    expect(bodyOnly.body.error.fields.titleKo?.message).toBe("필수 항목입니다.");

    const r = await createVia<PressRelease>(analyst, "press-releases", build.pressRelease(world.mandateId));
    const dropped = await analyst.patch<ErrorBody>(`/api/v1/press-releases/${r.id}`, { bodyEn: "" });
    expect(Object.keys(dropped.body.error.fields)).toEqual(["bodyEn"]);
    const badTime = await analyst.patch<ErrorBody>(`/api/v1/press-releases/${r.id}`, {
      publishAt: "next Tuesday",
    });
    expect(badTime.body.error.fields.publishAt?.code).toBe("field.invalid_format");
  });

  it("any writer submits and returns; only the holder or an officer schedules and publishes; a reader moves nothing", async () => {
    const r = await createVia<PressRelease>(analyst, "press-releases", build.pressRelease(world.mandateId));
    expect(await actions(analyst, r.id)).toEqual(["submit"]);
    const readonly = await world.as("readonly");
    expect(await actions(readonly, r.id)).toEqual([]);
    expect((await move(readonly, r.id, "submit")).status).toBe(403);
    expect((await move(analyst, r.id, "submit")).body.status).toBe("review");
    expect((await move(analyst, r.id, "submit")).status).toBe(409);

    expect(await actions(analyst, r.id)).toEqual(["return"]);
    expect(await actions(holder, r.id)).toEqual(["return", "schedule", "publish"]);
    expect(await actions(officer, r.id)).toEqual(["return", "schedule", "publish"]);
    const refused = await move(analyst, r.id, "publish");
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("access.forbidden");
    expect((await move(analyst, r.id, "schedule", { publishAt: inHours(24) })).status).toBe(403);

    const published = await move(holder, r.id, "publish");
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: "published", confidentiality: "public" });
    const at = Date.parse(String(published.body.publishedAt));
    expect(Math.abs(at - Date.now())).toBeLessThan(60_000);
    expect(await auditOf(r.id, "press_release.publish")).toEqual([
      {
        actor_id: world.users.mandate_holder,
        fields: JSON.stringify(["status", "publishedAt", "confidentiality"]),
      },
    ]);
    expect(await actions(analyst, r.id)).toEqual([]);
    expect(await actions(holder, r.id)).toEqual(["unpublish"]);
  });

  it("scheduling needs a time to come, named in the caller's language; the job publishes it by the system at that time", async () => {
    const r = await inReview({ titleEn: "Experts mark ruffword day" });
    const missing = await move(holder, r.id, "schedule");
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.publishAt?.code).toBe("field.required");
    const past = await officer.post<ErrorBody>(
      `/api/v1/press-releases/${r.id}/transitions`,
      { action: "schedule", publishAt: inHours(-1) },
      { "accept-language": "ko" },
    );
    expect(past.status).toBe(400);
    expect(past.body.error.fields.publishAt?.code).toBe("press-releases.publish_at_past");
    expect(past.body.error.fields.publishAt?.message).toMatch(hangul);

    const when = inHours(48);
    const scheduled = await move(officer, r.id, "schedule", { publishAt: when });
    expect(scheduled.body).toMatchObject({
      status: "scheduled",
      publishAt: when,
      confidentiality: "internal",
    });
    expect(await publishJob(r.id)).toEqual([{ status: "pending", run_at: new Date(when).toISOString() }]);

    const scheduler = startScheduler(world.deps, { pollMs: 60_000 });
    try {
      await scheduler.runDue();
      expect((await officer.get<PressRelease>(`/api/v1/press-releases/${r.id}`)).body.status).toBe(
        "scheduled",
      );
      // The time comes: moved into the past, as the clock would.
      const due = `${new Date(Date.now() - 60_000).toISOString().slice(0, 19)}Z`;
      await world.deps.db
        .updateTable("press_releases")
        .set({ publish_at: due })
        .where("id", "=", r.id)
        .execute();
      await world.deps.db
        .updateTable("jobs")
        .set({ run_at: new Date(due).toISOString() })
        .where("key", "=", publishJobKey(r.id))
        .execute();
      await scheduler.runDue();
      const published = await officer.get<PressRelease>(`/api/v1/press-releases/${r.id}`);
      expect(published.body).toMatchObject({
        status: "published",
        confidentiality: "public",
        publishedAt: new Date(due).toISOString(),
      });
      expect(await auditOf(r.id, "press_release.publish")).toEqual([
        { actor_id: null, fields: JSON.stringify(["status", "publishedAt", "confidentiality"]) },
      ]);
      // Published by the job, it is public in search too, in the same transaction.
      expect((await find(analyst, "ruffword", "&confidentiality=public")).body.items).toEqual([
        expect.objectContaining({ id: r.id, confidentiality: "public" }),
      ]);
    } finally {
      await scheduler.stop();
    }
    expect(await publishJob(r.id)).toEqual([expect.objectContaining({ status: "done" })]);
  });

  it("rescheduling moves the job; returning or unscheduling cancels it", async () => {
    const r = await inReview();
    await move(holder, r.id, "schedule", { publishAt: inHours(24) });
    const later = inHours(72);
    const moved = await officer.patch<PressRelease>(`/api/v1/press-releases/${r.id}`, { publishAt: later });
    expect(moved.status).toBe(200);
    expect(await publishJob(r.id)).toEqual([{ status: "pending", run_at: new Date(later).toISOString() }]);
    // Moving a scheduled release is the publishers' decision.
    expect((await analyst.patch(`/api/v1/press-releases/${r.id}`, { publishAt: inHours(96) })).status).toBe(
      403,
    );
    const toPast = await officer.patch<ErrorBody>(`/api/v1/press-releases/${r.id}`, {
      publishAt: inHours(-2),
    });
    expect(toPast.body.error.fields.publishAt?.code).toBe("press-releases.publish_at_past");

    const returned = await move(analyst, r.id, "return");
    expect(returned.body.status).toBe("draft");
    expect((await publishJob(r.id)).map((j) => j.status)).toEqual(["cancelled"]);

    await move(analyst, r.id, "submit");
    await move(holder, r.id, "schedule", { publishAt: inHours(24) });
    expect((await move(holder, r.id, "unschedule")).body.status).toBe("review");
    expect((await publishJob(r.id)).map((j) => j.status).sort()).toEqual(["cancelled", "cancelled"]);
  });

  it("the text is fixed once scheduled or published, named field by field; unpublishing withdraws it to draft, internal", async () => {
    const r = await inReview();
    await move(holder, r.id, "schedule", { publishAt: inHours(24) });
    const locked = await analyst.patch<ErrorBody>(`/api/v1/press-releases/${r.id}`, {
      titleEn: "A new title",
      location: "Seoul",
    });
    expect(locked.status).toBe(400);
    expect(Object.keys(locked.body.error.fields).sort()).toEqual(["location", "titleEn"]);
    expect(locked.body.error.fields.titleEn?.code).toBe("press-releases.text_locked");

    const published = await move(officer, r.id, "publish");
    expect(published.body.status).toBe("published");
    expect((await publishJob(r.id)).map((j) => j.status)).toEqual(["cancelled"]);
    const edit = await officer.patch<ErrorBody>(
      `/api/v1/press-releases/${r.id}`,
      { bodyKo: "고친 본문" },
      { "accept-language": "ko" },
    );
    expect(edit.status).toBe(400);
    expect(edit.body.error.fields.bodyKo?.message).toMatch(hangul);
    const hidden = await officer.patch<ErrorBody>(`/api/v1/press-releases/${r.id}`, {
      confidentiality: "internal",
    });
    expect(hidden.body.error.fields.confidentiality?.code).toBe("press-releases.published_public");
    expect((await move(analyst, r.id, "unpublish")).status).toBe(403);

    const withdrawn = await move(holder, r.id, "unpublish");
    expect(withdrawn.body).toMatchObject({ status: "draft", confidentiality: "internal", publishedAt: null });
    expect(await auditOf(r.id, "press_release.unpublish")).toHaveLength(1);
    const fixed = await analyst.patch<PressRelease>(`/api/v1/press-releases/${r.id}`, {
      titleEn: "A corrected title",
    });
    expect(fixed.status).toBe(200);
    await move(analyst, r.id, "submit");
    const again = await move(officer, r.id, "publish");
    expect(again.body).toMatchObject({
      status: "published",
      titleEn: "A corrected title",
      confidentiality: "public",
    });
  });

  it("a release restricted to named members is neither scheduled nor published until the restriction is lifted", async () => {
    const r = await createVia<PressRelease>(
      officer,
      "press-releases",
      build.pressRelease(world.mandateId, { restrictedTo: [world.users.mandate_holder] }),
    );
    expect((await move(officer, r.id, "submit")).status).toBe(200);
    for (const [action, more] of [
      ["publish", {}],
      ["schedule", { publishAt: inHours(24) }],
    ] as const) {
      const refused = await move(holder, r.id, action, more);
      expect(refused.status, action).toBe(400);
      expect(refused.body.error.code, action).toBe("press-releases.restricted");
    }
    expect((await holder.get<PressRelease>(`/api/v1/press-releases/${r.id}`)).body.status).toBe("review");
    expect((await holder.patch(`/api/v1/press-releases/${r.id}`, { restrictedTo: null })).status).toBe(200);
    expect((await move(holder, r.id, "schedule", { publishAt: inHours(24) })).status).toBe(200);
    const restrict = await holder.patch<ErrorBody>(`/api/v1/press-releases/${r.id}`, {
      restrictedTo: [world.users.officer],
    });
    expect(restrict.status).toBe(400);
    expect(restrict.body.error.fields.restrictedTo?.code).toBe("press-releases.restricted");
  });

  it("the mandate holder writes the mandate's about text in both languages; an officer may not; its length is limited", async () => {
    const url = `/api/v1/mandates/${world.mandateId}`;
    const about = {
      aboutEn: "The **Special Rapporteur** reports to the Council.",
      aboutKo: "특별보고관은 보고한다.",
    };
    const saved = await holder.patch<typeof about>(url, about);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject(about);
    expect((await officer.get<typeof about>(url)).body).toMatchObject(about);
    expect((await officer.patch(url, { aboutEn: "Changed by an officer." })).status).toBe(403);
    const long = await holder.patch<ErrorBody>(
      url,
      { aboutKo: "가".repeat(20_001) },
      { "accept-language": "ko" },
    );
    expect(long.status).toBe(400);
    expect(long.body.error.fields.aboutKo?.message).toMatch(hangul);
    const admin = await world.as("admin");
    expect((await admin.patch(url, { aboutKo: null })).status).toBe(200);
    expect((await holder.get<typeof about>(url)).body.aboutKo).toBeNull();
  });

  it("the publication time is for scheduling only; an unknown release is not found", async () => {
    const r = await createVia<PressRelease>(analyst, "press-releases", build.pressRelease(world.mandateId));
    const odd = await move(analyst, r.id, "submit", { publishAt: inHours(24) });
    expect(odd.status).toBe(400);
    expect(Object.keys(odd.body.error.fields)).toEqual(["publishAt"]);
    const missing = await move(holder, "no-such-release", "publish");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("press-releases.not_found");
    const outsider = await world.as("outsider");
    expect((await outsider.get(`/api/v1/press-releases/${r.id}/actions`)).status).toBe(404);
  });
});
