import { readFileSync } from "node:fs";
import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import type { Db } from "../../platform/db/database.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { AppError, forbidden } from "../../platform/errors/app-error.js";
import { referenceFile } from "../../platform/reference-data.js";
import { createVocabulariesRepository } from "./vocabularies.repository.js";
import { labelsFile, type ThesauriFile, thesauriFile } from "./vocabularies.schemas.js";

const shipped = (name: string) => referenceFile(name);
const humanise = (name: string) => name.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

/** The Korean labels the product ships for the lists it uses. */
export function shippedKoreanLabels() {
  return labelsFile.parse(JSON.parse(readFileSync(shipped("vocab-labels-ko.json"), "utf8")));
}

/** Reads and checks a thesauri file; a malformed file is a validation error naming the first problem. */
export function readThesauriFile(path: string): ThesauriFile {
  const parsed = thesauriFile.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "request.validation_failed",
      400,
      {},
      { [issue?.path.join(".") ?? "file"]: { code: "field.invalid" } },
    );
  }
  return parsed.data;
}

/**
 * Imports HURIDOCS micro-thesauri: new terms are added, known ones get their labels and place in the tree updated,
 * none is removed (records may use it). Shipped Korean labels fill in where the file has none. One transaction.
 * @example await importVocabularies({ db, actor: null, file: readThesauriFile("thesauri.json") });
 */
export async function importVocabularies({
  db,
  actor,
  file,
}: {
  db: Db;
  actor: Actor | null;
  file: ThesauriFile;
}) {
  if (actor && !actor.isAdmin) throw forbidden();
  const ko = shippedKoreanLabels().lists;
  let added = 0;
  let updated = 0;
  await inTransaction(db, async (trx) => {
    const repo = createVocabulariesRepository({ db: trx });
    for (const list of file.lists) {
      const koList = ko[list.name];
      await repo.upsertList(list.name, list.code, {
        en: humanise(list.name),
        ...(koList ? { ko: koList.label } : {}),
        ...list.labels,
      });
      const byNumber = new Map(list.terms.map((t) => [t.vocabNumber, t.huriCode]));
      const existing = await repo.existingCodes(list.name);
      const fresh = [];
      for (const t of list.terms) {
        const koLabel = koList?.terms[t.huriCode];
        const labels = { ...(koLabel ? { ko: koLabel } : {}), ...t.labels };
        const parent = t.parent ? (byNumber.get(t.parent) ?? null) : null;
        const before = existing.get(t.huriCode);
        if (before === undefined) {
          fresh.push({
            list_name: list.name,
            code: t.huriCode,
            vocab_number: t.vocabNumber,
            parent_code: parent,
            level: t.level,
            sort_order: t.order,
            labels: JSON.stringify(labels),
            retired: 0,
          });
          existing.set(t.huriCode, "");
        } else {
          // Labels an admin translated stay; the file's own languages update; shipped Korean only fills a gap.
          const merged = JSON.stringify({
            ...(koLabel ? { ko: koLabel } : {}),
            ...(JSON.parse(before || "{}") as object),
            ...t.labels,
          });
          await repo.updateTerm(list.name, t.huriCode, {
            labels: merged,
            parent_code: parent,
            level: t.level,
            sort_order: t.order,
          });
          updated++;
        }
      }
      await repo.insertTerms(fresh);
      added += fresh.length;
    }
    await writeAudit(trx, actor, [
      {
        action: "vocab.import",
        recordType: "vocabulary",
        recordId: null,
        mandateId: null,
        fields: [`added:${added}`, `updated:${updated}`],
      },
    ]);
  });
  return { lists: file.lists.length, added, updated };
}

/** Imports the thesauri shipped with the product (first start, demo). */
export const importShippedVocabularies = (db: Db) =>
  importVocabularies({
    db,
    actor: null,
    file: readThesauriFile(shipped("huridocs-esf-micro-thesauri.json")),
  });

/** Changes a term's labels or retires it (admins). Retired terms stay valid on records that use them. */
export async function updateTerm({
  db,
  actor,
  list,
  code,
  patch,
}: {
  db: Db;
  actor: Actor;
  list: string;
  code: string;
  patch: { labels?: Record<string, string> | undefined; retired?: boolean | undefined };
}) {
  if (!actor.isAdmin) throw forbidden();
  return inTransaction(db, async (trx) => {
    const repo = createVocabulariesRepository({ db: trx });
    const term = await repo.findTerm(list, code);
    if (!term) throw new AppError("vocabularies.not_found", 404);
    const labels = patch.labels
      ? JSON.stringify({ ...(JSON.parse(term.labels) as object), ...patch.labels })
      : term.labels;
    const retired = patch.retired === undefined ? term.retired : patch.retired ? 1 : 0;
    await repo.updateTerm(list, code, { labels, retired });
    const fields = [
      ...(patch.labels ? Object.keys(patch.labels).map((l) => `labels.${l}`) : []),
      ...(patch.retired !== undefined ? ["retired"] : []),
    ];
    await writeAudit(trx, actor, [
      { action: "update", recordType: "vocab_term", recordId: `${list}:${code}`, mandateId: null, fields },
    ]);
    return (await repo.findTerm(list, code)) ?? term;
  });
}
