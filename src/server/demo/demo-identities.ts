import { identityBody } from "../modules/persons/person-identities.schemas.js";
import { saveIdentity } from "../modules/persons/persons.usecases.js";
import type { DemoContext } from "./demo-context.js";
import type { DemoPeople } from "./demo-people.js";

const familyNames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"];

/** How many witnesses have identifying data on file in the demo. */
export const identityCount = 10;

/**
 * Stores identifying data for some witnesses, through the same encrypted path as real data. Every value is an
 * obvious placeholder ("가명" means pseudonym; 0000 numbers; .invalid addresses) so no one can mistake it for a person.
 */
export async function createIdentities(ctx: DemoContext, people: DemoPeople) {
  for (const [i, witness] of people.witnesses.slice(0, identityCount).entries()) {
    const n = String(i + 1).padStart(2, "0");
    await saveIdentity({
      db: ctx.deps.db,
      masterKey: ctx.deps.masterKey,
      actor: ctx.actor,
      personId: witness.id,
      identity: identityBody.parse({
        legalName: `${familyNames[i % familyNames.length]} 가명`,
        aliases: [`데모 증언자 ${n}`],
        contacts: [
          { kind: "phone", value: `+82-10-0000-00${n}` },
          { kind: "email", value: `witness${n}@demo.invalid` },
        ],
        address: "가상 주소 (데모) / Fictional address (demo)",
        idNumbers: [{ kind: "Demo ID", number: `000000-00000${n}` }],
        notes: "Demo data: every value here is invented.",
      }),
    });
    ctx.counts.identities += 1;
  }
}
