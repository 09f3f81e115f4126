/**
 * The job scheduler's public face: what other modules call to schedule work, send e-mail and notify users.
 * Everything taking `db` writes in the caller's transaction, so it happens only if that transaction commits.
 */
export { notify } from "../../modules/notifications/notifications.usecases.js";
export {
  type JobContext,
  type JobHandler,
  type JobWorkContext,
  type JobWorker,
  registerJobHandler,
  registerJobWorker,
} from "./job-handlers.js";
export { cancelJobs, messageIdOf, type PlainEmail, queueEmail, scheduleJob } from "./job-queue.js";
export { shortError } from "./job-runner.js";
export { type Scheduler, type SchedulerOptions, startScheduler } from "./scheduler.js";
