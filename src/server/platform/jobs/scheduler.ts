import { hostname } from "node:os";
import { sealAuditChain } from "../audit/audit-chain.usecases.js";
import { isoFromNow, nowIso } from "../db/time.js";
import type { AppDeps } from "../http/deps.js";
import { createMailer } from "../mail/mail-transport.js";
import { type RetryPolicy, runClaimedJob, shortError } from "./job-runner.js";
import { createJobsRepository } from "./jobs.repository.js";

/** The part of a pino/Fastify logger the scheduler writes to; lines name jobs by id and kind, nothing else. */
export interface SchedulerLog {
  info: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
}

export interface SchedulerOptions extends Partial<RetryPolicy> {
  pollMs?: number;
  leaseMs?: number;
  log?: SchedulerLog;
}

export interface Scheduler {
  /** Stops claiming, waits for the job in hand to finish, closes the mail transport. */
  stop: () => Promise<void>;
  /** Runs every job due now, one after another; resolves with how many were claimed. */
  runDue: () => Promise<number>;
}

const silent: SchedulerLog = { info: () => {}, error: () => {} };

/** How long finished jobs stay in the table. */
export const finishedJobDays = 30;

/**
 * Starts polling the job table every `jobPollMs`: due jobs (and jobs whose worker died, once their lease passed) are
 * claimed one at a time, so any number of servers can share one database.
 * @example const scheduler = startScheduler(deps, { log: app.log }); … await scheduler.stop();
 */
export function startScheduler(deps: AppDeps, options: SchedulerOptions = {}): Scheduler {
  const pollMs = options.pollMs ?? deps.config.jobPollMs;
  const leaseMs = options.leaseMs ?? deps.config.jobLeaseSeconds * 1000;
  const policy: RetryPolicy = {
    maxAttempts: options.maxAttempts ?? 8,
    retryBaseMs: options.retryBaseMs ?? 60_000,
  };
  const log = options.log ?? silent;
  const worker = `${hostname()}:${process.pid}`.slice(0, 100);
  const mailer = createMailer(deps.config);
  const jobs = createJobsRepository({ db: deps.db });
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<number> = Promise.resolve(0);

  let purgedAt = 0;
  /** Finished jobs are kept a while for the record, then deleted: an e-mail job's payload holds its recipient. */
  const purge = async () => {
    if (Date.now() - purgedAt < 3_600_000) return;
    purgedAt = Date.now();
    await jobs.purgeFinished(isoFromNow(-finishedJobDays * 86_400_000));
  };

  const drain = async () => {
    await purge();
    // Due as of the start: a job retried meanwhile waits for the next round.
    const now = nowIso();
    let claimed = 0;
    while (!stopping) {
      const job = await jobs.claimNext({ now, leaseUntil: isoFromNow(leaseMs), worker });
      if (!job) break;
      claimed++;
      const outcome = await runClaimedJob(deps, job, mailer, policy);
      if (outcome !== "done")
        log[outcome === "failed" ? "error" : "info"](
          { job: job.id, kind: job.kind, attempt: job.attempts, outcome },
          `job ${outcome}`,
        );
    }
    return claimed;
  };

  const runDue = () => {
    current = current.catch(() => 0).then(drain);
    return current;
  };

  const tick = async () => {
    try {
      await runDue();
    } catch (e) {
      log.error({ error: shortError(e) }, "job scheduler: could not claim jobs");
    }
    // Unreferenced: the scheduler alone never keeps a process alive.
    if (!stopping) timer = setTimeout(tick, pollMs).unref();
  };
  timer = setTimeout(tick, 0).unref();

  // Audit rows are linked into the tamper-evident chain apart from the jobs, so a long job never delays the sealing.
  let sealTimer: NodeJS.Timeout | undefined;
  let sealing: Promise<unknown> = Promise.resolve();
  const seal = () => {
    sealing = sealing
      .then(() => sealAuditChain(deps.db, deps.masterKey))
      .catch((e) => log.error({ error: shortError(e) }, "audit chain: could not seal new rows"));
    return sealing;
  };
  const sealTick = async () => {
    await seal();
    if (!stopping) sealTimer = setTimeout(sealTick, deps.config.auditSealMs).unref();
  };
  sealTimer = setTimeout(sealTick, 0).unref();

  return {
    runDue,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      clearTimeout(sealTimer);
      await current.catch(() => 0);
      // The rows written up to now are linked before the process goes.
      await seal();
      mailer.close();
    },
  };
}
