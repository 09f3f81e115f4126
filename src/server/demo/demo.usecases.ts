import type { OpenedDeps } from "../bootstrap.js";
import { createAuditQueryRepository } from "../modules/audit/audit.repository.js";
import { createMandatesRepository } from "../modules/mandates/mandates.repository.js";
import { writeAudit } from "../platform/audit/audit.repository.js";
import { AppError } from "../platform/errors/app-error.js";
import { seedDemo } from "./demo.seed.js";

/** The demo's accounts, one per role; all share RAPPORTEUR_DEMO_PASSWORD. */
export const demoAccounts = [
  { email: "admin@demo.test", name: "Demo Administrator", role: "admin" },
  { email: "holder@demo.test", name: "Demo Mandate Holder", role: "mandate_holder" },
  { email: "officer@demo.test", name: "Demo Human Rights Officer", role: "officer" },
  { email: "analyst@demo.test", name: "Demo Analyst", role: "analyst" },
  { email: "readonly@demo.test", name: "Demo Reader", role: "readonly" },
] as const;

export const demoMandateCode = "dprk-demo";
const completedAction = "demo.seeded";

/**
 * Loads the demo mandate unless it is already there. Refuses a database that holds any mandate that is not the demo's,
 * so the demo can never mix with real testimony.
 */
export async function ensureDemoData(deps: OpenedDeps) {
  const repo = createMandatesRepository({ db: deps.db });
  if ((await repo.countNonDemo()) > 0) {
    throw new AppError("demo.real_data_present", 409, {
      where: deps.config.databaseUrl ? "this database" : deps.config.dataDir,
    });
  }
  const where = deps.config.databaseUrl ? "this database" : deps.config.dataDir;
  const existing = await repo.findByCode(demoMandateCode);
  if (existing) {
    // A seed cut short (a kill, a full disk) must not pass for the demo: say so instead of serving half of it.
    if (!(await createAuditQueryRepository({ db: deps.db }).hasAction(completedAction))) {
      throw new AppError("demo.incomplete", 409, { where });
    }
    return { seeded: false };
  }
  const summary = await seedDemo(deps, deps.config.demoPassword);
  await writeAudit(deps.db, null, [
    {
      action: completedAction,
      recordType: "mandate",
      recordId: summary.mandateId,
      mandateId: summary.mandateId,
    },
  ]);
  return { seeded: true, summary };
}
