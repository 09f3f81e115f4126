import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/server/modules/users/users.usecases.js";
import { inTransaction } from "../../src/server/platform/db/transaction.js";
import {
  cancelJobs,
  notify,
  queueEmail,
  registerJobHandler,
  scheduleJob,
  startScheduler,
} from "../../src/server/platform/jobs/jobs.usecases.js";
import { startSmtpSink } from "../support/smtp-sink.js";
import { createTestDeps, dialects, type TestDeps } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

const future = () => new Date(Date.now() + 3600_000).toISOString();
const past = () => new Date(Date.now() - 1000).toISOString();

// A database-only handler: it notifies the user named in the payload, or fails when told to.
registerJobHandler("test.remind", async ({ db, payload }) => {
  await notify(db, {
    userIds: [String(payload.userId)],
    mandateId: null,
    kind: "test_reminder",
    params: { note: String(payload.note ?? "") },
    link: null,
    email: false,
  });
  if (payload.fail) throw new Error(`told to fail, see ${String(payload.userId)}@example.org`);
});

describe.each(dialects)("e-mail over SMTP on %s", (dialect) => {
  let deps: TestDeps;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
    deps = await createTestDeps(dialect, { smtpUrl: sink.url, publicUrl: "https://rapporteur.example.org/" });
  });
  afterAll(async () => {
    await deps?.cleanup();
    await sink?.close();
  });

  it("a queued e-mail reaches the SMTP server with its subject, recipient and the Message-ID fixed in its job", async () => {
    await queueEmail(deps.db, {
      to: "officer@test.example",
      subject: "Reply received",
      text: "See the case.",
    });
    const scheduler = startScheduler(deps, { pollMs: 60_000 });
    await scheduler.runDue();
    await scheduler.stop();
    const [mail] = await sink.waitFor(1);
    const job = await deps.db
      .selectFrom("jobs")
      .selectAll()
      .where("kind", "=", "email")
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ subject: "Reply received", to: "officer@test.example" });
    expect(mail?.messageId).toBe(job.message_id);
    expect(job.message_id).toMatch(new RegExp(`^<${job.id}@`));
    expect(job).toMatchObject({ status: "done", attempts: 1 });
  });

  it("a notification e-mail is written in the recipient's language, with an absolute link and no other record data", async () => {
    const ko = await createUser({
      db: deps.db,
      actor: null,
      input: {
        email: "ko@test.example",
        displayName: "K",
        password: "a long enough passphrase",
        locale: "ko",
      },
    });
    const before = sink.received.length;
    await inTransaction(deps.db, (trx) =>
      notify(trx, {
        userIds: [ko.id],
        mandateId: null,
        kind: "reply_due_soon",
        params: { reference: "AL PRK 3/2026", subject: "", dueOn: "2026-04-01", days: 7 },
        link: "/app/communications/0190",
        email: true,
      }),
    );
    const scheduler = startScheduler(deps, { pollMs: 60_000 });
    await scheduler.runDue();
    await scheduler.stop();
    const mail = (await sink.waitFor(before + 1))[before];
    expect(mail?.subject).toBe("답변 기한 7일 전: AL PRK 3/2026");
    expect(mail?.text).toContain("2026-04-01");
    expect(mail?.text).toContain("https://rapporteur.example.org/app/communications/0190");
  });
});

describe.each(dialects)("the job scheduler on %s", (dialect) => {
  let world: World;
  const notes = (userId: string) =>
    world.deps.db.selectFrom("notifications").select("params").where("user_id", "=", userId).execute();
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  it("scheduling again under a pending key moves that reminder, and it runs once with the latest payload", async () => {
    const userId = world.users.officer;
    const key = `test:${userId}:moved`;
    await scheduleJob(world.deps.db, {
      kind: "test.remind",
      runAt: future(),
      payload: { userId, note: "a" },
      key,
    });
    await scheduleJob(world.deps.db, {
      kind: "test.remind",
      runAt: future(),
      payload: { userId, note: "b" },
      key,
    });
    const scheduler = startScheduler(world.deps, { pollMs: 60_000 });
    await scheduler.runDue();
    expect(await notes(userId)).toEqual([]);
    await scheduleJob(world.deps.db, {
      kind: "test.remind",
      runAt: past(),
      payload: { userId, note: "c" },
      key,
    });
    await scheduler.runDue();
    await scheduler.runDue();
    await scheduler.stop();
    expect((await notes(userId)).map((n) => JSON.parse(n.params).note)).toEqual(["c"]);
    const rows = await world.deps.db.selectFrom("jobs").selectAll().where("key", "=", key).execute();
    expect(rows.map((r) => r.status)).toEqual(["done"]);
  });

  it("cancelling by key prefix stops every pending reminder under it and no other", async () => {
    const userId = world.users.analyst;
    for (const when of ["before", "due"])
      await scheduleJob(world.deps.db, {
        kind: "test.remind",
        runAt: past(),
        payload: { userId },
        key: `test:${userId}:reminder-${when}`,
      });
    await scheduleJob(world.deps.db, {
      kind: "test.remind",
      runAt: future(),
      payload: { userId },
      key: `test:${userId}:publish`,
    });
    expect(await cancelJobs(world.deps.db, `test:${userId}:reminder-`)).toBe(2);
    const scheduler = startScheduler(world.deps, { pollMs: 60_000 });
    await scheduler.runDue();
    await scheduler.stop();
    expect(await notes(userId)).toEqual([]);
    const statuses = await world.deps.db
      .selectFrom("jobs")
      .select(["key", "status"])
      .where("key", "like", `test:${userId}:%`)
      .orderBy("key")
      .execute();
    expect(statuses).toEqual([
      { key: `test:${userId}:publish`, status: "pending" },
      { key: `test:${userId}:reminder-before`, status: "cancelled" },
      { key: `test:${userId}:reminder-due`, status: "cancelled" },
    ]);
  });

  it("a failing handler is retried, its writes rolled back each time, then marked failed with a short error", async () => {
    const userId = world.users.readonly;
    await scheduleJob(world.deps.db, {
      kind: "test.remind",
      runAt: past(),
      payload: { userId, fail: true },
      key: `test:${userId}:failing`,
    });
    const scheduler = startScheduler(world.deps, { pollMs: 60_000, maxAttempts: 3, retryBaseMs: 0 });
    const job = () =>
      world.deps.db
        .selectFrom("jobs")
        .selectAll()
        .where("key", "=", `test:${userId}:failing`)
        .executeTakeFirstOrThrow();
    for (let i = 0; i < 10 && (await job()).status !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 5));
      await scheduler.runDue();
    }
    await scheduler.stop();
    const failed = await job();
    expect(failed).toMatchObject({ status: "failed", attempts: 3 });
    expect(failed.last_error).toContain("told to fail");
    expect(failed.last_error).not.toContain("@example.org");
    expect(await notes(userId)).toEqual([]);
  });

  it("a job whose server died while running it is taken over once its lease has passed, not before", async () => {
    const userId = world.users.mandate_holder;
    const key = `test:${userId}:orphan`;
    await scheduleJob(world.deps.db, { kind: "test.remind", runAt: past(), payload: { userId }, key });
    const lease = (until: string) =>
      world.deps.db
        .updateTable("jobs")
        .set({ status: "running", attempts: 1, lease_until: until, claimed_by: "dead-server:1" })
        .where("key", "=", key)
        .execute();
    await lease(future());
    const scheduler = startScheduler(world.deps, { pollMs: 60_000 });
    await scheduler.runDue();
    expect(await notes(userId)).toEqual([]);
    await lease(past());
    await scheduler.runDue();
    await scheduler.stop();
    expect(await notes(userId)).toHaveLength(1);
    const row = await world.deps.db
      .selectFrom("jobs")
      .selectAll()
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "done", attempts: 2 });
  });

  it("finished jobs are deleted after 30 days (an e-mail's payload names its recipient); recent ones stay", async () => {
    const userId = world.users.officer;
    for (const [key, daysAgo] of [
      ["test:purge:old", 31],
      ["test:purge:recent", 2],
    ] as const) {
      await scheduleJob(world.deps.db, { kind: "test.remind", runAt: past(), payload: { userId }, key });
      await world.deps.db
        .updateTable("jobs")
        .set({ status: "done", finished_at: new Date(Date.now() - daysAgo * 86_400_000).toISOString() })
        .where("key", "=", key)
        .execute();
    }
    const scheduler = startScheduler(world.deps, { pollMs: 60_000 });
    await scheduler.runDue();
    await scheduler.stop();
    const left = await world.deps.db
      .selectFrom("jobs")
      .select("key")
      .where("key", "like", "test:purge:%")
      .execute();
    expect(left.map((j) => j.key)).toEqual(["test:purge:recent"]);
  });
});

describe.each(dialects)("notifications and the outbox on %s", (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world?.close());

  it("without SMTP_URL an e-mail lands as an .eml file in the outbox, which an admin lists and downloads and nobody else can", async () => {
    await queueEmail(world.deps.db, {
      to: "holder@test.example",
      subject: "답변 접수",
      text: "Open the case.",
    });
    const scheduler = startScheduler(world.deps, { pollMs: 60_000 });
    await scheduler.runDue();
    await scheduler.stop();
    const dir = path.join(world.deps.config.dataDir, "outbox");
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);

    const admin = await world.as("admin");
    const list = await admin.get<{ items: { name: string; to: string; subject: string; size: number }[] }>(
      "/api/v1/admin/outbox",
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ name: files[0], to: "holder@test.example", subject: "답변 접수" }),
    ]);
    const one = await admin.get(`/api/v1/admin/outbox/${files[0]}`);
    expect(one.status).toBe(200);
    expect(one.headers["content-type"]).toMatch(/^message\/rfc822/);
    expect(one.raw.body).toMatch(/^Message-ID: <[0-9a-f-]{36}@/im);

    const officer = await world.as("officer");
    expect((await officer.get("/api/v1/admin/outbox")).status).toBe(403);
    expect((await officer.get(`/api/v1/admin/outbox/${files[0]}`)).status).toBe(403);
    expect((await admin.get("/api/v1/admin/outbox/..%2F..%2Frapporteur.db")).status).toBe(404);
    const unknown = `20200101T000000Z-${"0".repeat(8)}-0000-0000-0000-${"0".repeat(12)}.eml`;
    expect((await admin.get(`/api/v1/admin/outbox/${unknown}`)).status).toBe(404);
  });

  it("each user sees only their own notifications, newest first, and marks them read", async () => {
    for (const reference of ["AL PRK 1/2026", "AL PRK 2/2026"])
      await notify(world.deps.db, {
        userIds: [world.users.officer, world.users.analyst],
        mandateId: world.mandateId,
        kind: "embargo_lifted",
        params: { reference },
        link: "/app/communications/1",
        email: false,
      });
    const officer = await world.as("officer");
    const analyst = await world.as("analyst");
    type Page = {
      items: { id: string; params: { reference: string }; readAt: string | null }[];
      unread: number;
    };
    const mine = await officer.get<Page>("/api/v1/notifications");
    expect(mine.status).toBe(200);
    expect(mine.body.unread).toBe(2);
    expect(mine.body.items.map((n) => n.params.reference)).toEqual(["AL PRK 2/2026", "AL PRK 1/2026"]);
    const theirs = (await analyst.get<Page>("/api/v1/notifications")).body.items;
    expect(theirs.some((n) => mine.body.items.some((m) => m.id === n.id))).toBe(false);

    expect((await officer.post(`/api/v1/notifications/${theirs[0]?.id}/read`)).status).toBe(404);
    const read = await officer.post<{ readAt: string | null }>(
      `/api/v1/notifications/${mine.body.items[0]?.id}/read`,
    );
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await officer.get<Page>("/api/v1/notifications")).body.unread).toBe(1);
    expect((await officer.post("/api/v1/notifications/read-all")).body).toEqual({ marked: 1 });
    expect((await officer.get<Page>("/api/v1/notifications")).body.unread).toBe(0);
    expect((await analyst.get<Page>("/api/v1/notifications")).body.unread).toBe(2);
  });
});
