import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Tx } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import { today } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { AppError } from "../../platform/errors/app-error.js";
import { createRecordsRepository } from "../../platform/records/records.repository.js";
import { caseSpec } from "../cases/cases.schemas.js";
import { personSpec } from "../persons/persons.schemas.js";
import { createPlacesRepository } from "../places/places.repository.js";
import { countryNameIn } from "../places/places.usecases.js";
import { createCommunicationsRepository } from "./communications.repository.js";
import { communicationLinkSpec, communicationSpec } from "./communications.schemas.js";
import { type LetterModel, letterDocx } from "./letter.document.js";

type CommunicationRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createCommunicationsRepository>["find"]>>
>;
const notFound = () => new AppError("communications.not_found", 404);

async function letterModel(trx: Tx, c: CommunicationRow, annex?: LetterModel["annex"]): Promise<LetterModel> {
  const repo = createCommunicationsRepository({ db: trx });
  const mandate = await repo.mandate(c.mandate_id);
  const language = c.language === "ko" ? "ko" : "en";
  const country = c.addressee_country;
  const names = await createPlacesRepository({ db: trx }).countryNames(country ? [country] : []);
  // A code the places do not know names no government.
  const countryName = country && names.has(country) ? countryNameIn(names, country, language) : null;
  const government = countryName
    ? language === "ko"
      ? `${countryName} 정부`
      : `Government of ${countryName}`
    : null;
  return {
    language,
    mandateName: (language === "ko" ? mandate?.name_ko : null) ?? mandate?.name_en ?? "",
    holder: mandate?.holder ?? null,
    reference: c.reference,
    date: c.sent_on ?? today(),
    kind: c.kind,
    addressee: [c.addressee_kind === "state" ? government : null, c.addressee_name]
      .filter(Boolean)
      .join(", "),
    subject: c.subject,
    body: c.body ?? "",
    jointMandates: JSON.parse(c.joint_mandates || "[]") as string[],
    ...(annex ? { annex } : {}),
  };
}

/**
 * The letter as its reader may see it: the annex lists only the persons and cases this reader may read (never
 * sources); producing it is audited like a read of the communication.
 */
export async function staffLetter({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  return inTransaction(db, async (trx) => {
    const records = createRecordsRepository({ db: trx });
    const row = await records.findReadable(actor, communicationSpec, id);
    if (!row) throw notFound();
    const c = row as unknown as CommunicationRow;
    const list = { sortColumn: "created_at", descending: false, after: null, limit: 1000 };
    const links = await records.listReadable(actor, communicationLinkSpec, {
      ...list,
      filters: { communication_id: id },
    });
    const idsOf = (type: string) =>
      links.filter((l) => l.target_type === type).map((l) => String(l.target_id));
    const persons = idsOf("person").length
      ? await records.listReadable(actor, personSpec, { ...list, filters: {}, ids: idsOf("person") })
      : [];
    const cases = idsOf("case").length
      ? await records.listReadable(actor, caseSpec, { ...list, filters: {}, ids: idsOf("case") })
      : [];
    await writeAudit(trx, actor, [
      { action: "communication.letter", recordType: "communication", recordId: id, mandateId: c.mandate_id },
    ]);
    const model = await letterModel(trx, c, {
      persons: persons.map((p) => String(p.code)),
      cases: cases.map((k) => String(k.title)),
    });
    return { fileName: fileNameOf(c), docx: await letterDocx(model) };
  });
}

/** The public letter of a published communication: the letter alone, no annex, nothing linked. */
export async function publicLetter({ db, reference }: { db: Db; reference: string }) {
  return inTransaction(db, async (trx) => {
    const [c] = await createCommunicationsRepository({ db: trx }).published({ limit: 1, reference });
    if (!c) throw notFound();
    return { fileName: fileNameOf(c), docx: await letterDocx(await letterModel(trx, c)) };
  });
}

const fileNameOf = (c: CommunicationRow) =>
  `${(c.reference ?? `draft-${c.id.slice(-8)}`).replace(/[^A-Za-z0-9]+/g, "-")}.docx`;
