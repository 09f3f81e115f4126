import type { OpenedDeps } from "../bootstrap.js";
import { createMandate, setMembership } from "../modules/mandates/mandates.usecases.js";
import { createUser } from "../modules/users/users.usecases.js";
import type { MandateRole } from "../platform/access/access.policies.js";
import { demoAccounts, demoMandateCode } from "./demo.usecases.js";
import { withRelaxedCommits } from "./demo-commits.js";
import { writeDemoRecords } from "./demo-records.js";

export interface DemoSummary {
  mandateId: string;
  users: number;
  persons: number;
  relations: number;
  identities: number;
  sources: number;
  events: number;
  acts: number;
  involvements: number;
  links: number;
}

/** Writes the demo mandate through the same use cases the API uses. */
export function seedDemo(deps: OpenedDeps, password: string): Promise<DemoSummary> {
  return withRelaxedCommits(deps, () => writeDemo(deps, password));
}

async function writeDemo(deps: OpenedDeps, password: string): Promise<DemoSummary> {
  const mandate = await createMandate({
    db: deps.db,
    actor: null,
    isDemo: true,
    input: {
      code: demoMandateCode,
      nameEn:
        "Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea (demo)",
      nameKo: "북한 인권 상황에 관한 특별보고관 (데모)",
      kind: "country",
      country: "PRK",
      holder: "Demo Mandate Holder",
      startDate: "2016-08-01",
    },
  });
  const members = new Map<MandateRole, string>();
  for (const a of demoAccounts) {
    const user = await createUser({
      db: deps.db,
      actor: null,
      input: { email: a.email, displayName: a.name, password, isAdmin: a.role === "admin" },
    });
    if (a.role === "admin") continue;
    await setMembership({ db: deps.db, actor: null, mandateId: mandate.id, userId: user.id, role: a.role });
    members.set(a.role, user.id);
  }
  const officerId = members.get("officer");
  const holderId = members.get("mandate_holder");
  if (!officerId || !holderId) throw new Error("demo: the demo accounts need an officer and a holder");
  const counts = await writeDemoRecords(deps, mandate.id, officerId, holderId);
  return { mandateId: mandate.id, users: demoAccounts.length, ...counts };
}
