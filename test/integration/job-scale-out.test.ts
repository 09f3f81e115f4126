import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenedDeps, openDeps } from "../../src/server/bootstrap.js";
import { loadConfig } from "../../src/server/platform/config/config.js";
import { inTransaction } from "../../src/server/platform/db/transaction.js";
import { queueEmail } from "../../src/server/platform/jobs/jobs.usecases.js";
import { type ServerProcess, startServerProcess } from "../support/server-process.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";
import { createScratchDatabase, dialects } from "../support/test-deps.js";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

if (!dialects.includes("postgres")) {
  console.warn(
    "notice: DATABASE_URL is not set: the two-server job scheduler test needs PostgreSQL and does not run.",
  );
  describe("two servers sharing the job table", () => {
    it("need PostgreSQL: without DATABASE_URL this run covers SQLite alone", () => {
      expect(dialects).not.toContain("postgres");
    });
  });
} else {
  describe("two servers sharing the job table of one PostgreSQL database", () => {
    let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
    let deps: OpenedDeps;
    let sink: SmtpSink;
    const servers: ServerProcess[] = [];
    const dirs: string[] = [];

    beforeAll(async () => {
      scratch = await createScratchDatabase();
      sink = await startSmtpSink({ beforeAccept: () => sleep(10) });
      const masterKey = randomBytes(32).toString("hex");
      const dir = () => {
        const d = mkdtempSync(path.join(tmpdir(), "rapporteur-jobs-scale-"));
        dirs.push(d);
        return d;
      };
      deps = await openDeps(
        loadConfig({ dataDir: dir(), databaseUrl: scratch.url, masterKey, logLevel: "silent" }, {}),
      );
      for (let i = 0; i < 2; i++)
        servers.push(
          await startServerProcess({
            RAPPORTEUR_DATA_DIR: dir(),
            DATABASE_URL: scratch.url,
            RAPPORTEUR_MASTER_KEY: masterKey,
            RAPPORTEUR_JOB_POLL_MS: "100",
            SMTP_URL: sink.url,
          }),
        );
    });
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await deps?.destroy();
      await sink?.close();
      await scratch?.drop();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });

    it("60 e-mails due at once go out exactly once each, claimed by whichever server is free", async () => {
      await inTransaction(deps.db, async (trx) => {
        for (let i = 1; i <= 60; i++)
          await queueEmail(trx, {
            to: `member${i}@test.example`,
            subject: `Reminder ${i}`,
            text: "Due soon.",
          });
      });
      await sink.waitFor(60, 60_000);
      const until = Date.now() + 30_000;
      const jobs = () => deps.db.selectFrom("jobs").selectAll().execute();
      while ((await jobs()).some((j) => j.status !== "done") && Date.now() < until) await sleep(100);
      // Time for a duplicate, if there were one, to arrive.
      await sleep(1000);

      const all = await jobs();
      expect(all.map((j) => j.status)).toEqual(Array(60).fill("done"));
      expect(sink.received).toHaveLength(60);
      expect(new Set(sink.received.map((m) => m.messageId))).toEqual(new Set(all.map((j) => j.message_id)));
      expect(all.every((j) => j.attempts === 1)).toBe(true);
      const byServer = new Map<string, number>();
      for (const j of all) byServer.set(j.claimed_by ?? "", (byServer.get(j.claimed_by ?? "") ?? 0) + 1);
      // Not asserted: which server wins each claim depends on timing.
      console.info(`e-mail jobs per server: ${JSON.stringify(Object.fromEntries(byServer))}`);
    }, 180_000);
  });
}
