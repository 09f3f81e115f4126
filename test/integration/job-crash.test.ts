import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenedDeps, openDeps } from "../../src/server/bootstrap.js";
import { loadConfig } from "../../src/server/platform/config/config.js";
import { inTransaction } from "../../src/server/platform/db/transaction.js";
import { queueEmail } from "../../src/server/platform/jobs/jobs.usecases.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";
import { type ReceivedMail, type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";
import { createScratchDatabase, dialects } from "../support/test-deps.js";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A data directory (and on PostgreSQL a scratch database) that the test seeds and the server processes share. */
async function sharedStore(dialect: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "rapporteur-jobs-"));
  const scratch = dialect === "postgres" ? await createScratchDatabase() : null;
  const env: Record<string, string> = {
    RAPPORTEUR_DATA_DIR: dataDir,
    RAPPORTEUR_JOB_POLL_MS: "100",
    RAPPORTEUR_JOB_LEASE_SECONDS: "2",
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  };
  const deps: OpenedDeps = await openDeps(
    loadConfig({ dataDir, logLevel: "silent", ...(scratch ? { databaseUrl: scratch.url } : {}) }, {}),
  );
  return {
    env,
    deps,
    jobs: () => deps.db.selectFrom("jobs").selectAll().where("kind", "=", "email").orderBy("id").execute(),
    cleanup: async () => {
      await deps.destroy();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

const countById = (mails: ReceivedMail[]) => {
  const counts = new Map<string, number>();
  for (const m of mails) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  return counts;
};

describe.each(dialects)("reminders across server restarts and crashes on %s", (dialect) => {
  let store: Awaited<ReturnType<typeof sharedStore>>;
  let sink: SmtpSink;
  let server: ServerProcess | undefined;
  // What the SMTP server does once a message is fully read, before it answers 250.
  let beforeAccept: (mail: ReceivedMail) => Promise<void> | void = () => {};

  beforeAll(async () => {
    store = await sharedStore(dialect);
    sink = await startSmtpSink({ beforeAccept: (mail) => beforeAccept(mail) });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.close();
    await store?.cleanup();
  });

  it("an ordinary restart (SIGTERM while mail is going out) sends every e-mail exactly once", async () => {
    beforeAccept = () => sleep(150);
    await inTransaction(store.deps.db, async (trx) => {
      for (let i = 1; i <= 10; i++)
        await queueEmail(trx, {
          to: `officer${i}@test.example`,
          subject: `Reminder ${i}`,
          text: "Due soon.",
        });
    });
    server = await startServerProcess({ ...store.env, SMTP_URL: sink.url });
    await sink.waitFor(1, 60_000);
    const stopped = await server.stop();
    expect(stopped).toEqual({ code: 0, signal: null });
    const sentBefore = sink.received.length;
    expect(sentBefore).toBeLessThan(10);
    // Everything the SMTP server accepted was recorded before the server exited: nothing will go out again.
    const done = (await store.jobs()).filter((j) => j.status === "done").map((j) => j.message_id);
    expect(done.sort()).toEqual(sink.received.map((m) => m.messageId).sort());

    server = await startServerProcess({ ...store.env, SMTP_URL: sink.url });
    await waitUntil("every e-mail job is done", async () =>
      (await store.jobs()).every((j) => j.status === "done"),
    );
    await server.stop();
    server = undefined;
    const jobs = await store.jobs();
    expect(jobs).toHaveLength(10);
    expect(sink.received).toHaveLength(10);
    const counts = countById(sink.received);
    expect(jobs.map((j) => counts.get(j.message_id ?? ""))).toEqual(Array(10).fill(1));
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
  }, 180_000);

  it("a crash after the SMTP server accepted a message but before it was recorded resends it with the same Message-ID", async () => {
    sink.received.length = 0;
    let crashed = false;
    await queueEmail(store.deps.db, {
      to: "holder@test.example",
      subject: "Reply due today",
      text: "Today.",
    });
    const [job] = (await store.jobs()).filter((j) => j.status === "pending");
    // Armed before the server starts: its first message may arrive before we learn it is ready.
    let started: (s: ServerProcess) => void = () => {};
    const victim = new Promise<ServerProcess>((resolve) => {
      started = resolve;
    });
    beforeAccept = async () => {
      if (crashed) return;
      crashed = true;
      const { pid } = await victim;
      // Frozen before it can read the 250 reply we are about to send, then killed: the narrowest crash window.
      process.kill(pid, "SIGSTOP");
      setTimeout(() => process.kill(pid, "SIGKILL"), 200);
    };
    server = await startServerProcess({ ...store.env, SMTP_URL: sink.url });
    started(server);
    expect(await (await victim).exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(sink.received).toHaveLength(1);
    const left = await store.deps.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", job?.id ?? "")
      .executeTakeFirstOrThrow();
    expect(left).toMatchObject({ status: "running", attempts: 1 });

    server = await startServerProcess({ ...store.env, SMTP_URL: sink.url });
    await sink.waitFor(2, 60_000);
    await waitUntil("the resent e-mail is recorded", async () =>
      (await store.jobs()).every((j) => j.status === "done"),
    );
    await server.stop();
    server = undefined;
    const [first, second] = sink.received;
    expect(second?.messageId).toBe(first?.messageId);
    expect(first?.messageId).toBe(job?.message_id);
    expect(second?.raw.match(/^Message-ID: .*$/im)?.[0]).toBe(first?.raw.match(/^Message-ID: .*$/im)?.[0]);
    const after = (await store.jobs()).find((j) => j.id === job?.id);
    expect(after).toMatchObject({ status: "done", attempts: 2 });
  }, 180_000);
});
