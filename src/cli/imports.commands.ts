import { readFileSync } from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { openDeps } from "../server/bootstrap.js";
import { createAuthRepository } from "../server/modules/auth/auth.repository.js";
import { type ImportRecordType, importTypes } from "../server/modules/imports/import-fields.js";
import { findImportMapping } from "../server/modules/imports/import-runs.usecases.js";
import { importFile } from "../server/modules/imports/imports.usecases.js";
import { type ImportEncoding, importEncodings } from "../server/modules/imports/table-encoding.js";
import { createMandatesRepository } from "../server/modules/mandates/mandates.repository.js";
import { createUsersRepository } from "../server/modules/users/users.repository.js";
import type { Actor } from "../server/platform/access/access.policies.js";
import { translate } from "../server/platform/i18n/messages.js";
import { type CommonOptions, configFrom } from "./run-command.js";

export interface ImportOptions extends CommonOptions {
  type: string;
  mapping: string;
  mandate?: string;
  dryRun?: boolean;
  as: string;
  encoding?: string;
}

const phaseNames: Record<string, string> = {
  reading: "Reading ",
  checking: "Checking",
  writing: "Writing ",
  done: "Done    ",
};

/**
 * `rapporteur import --type TYPE FILE --mapping NAME --as EMAIL [--mandate CODE] [--dry-run] [--encoding ENC]`:
 * the same reading, checks and single transaction as an upload in the browser, as the named member (there is no
 * command-line actor: records, audit rows and the report name a person who may write in the mandate).
 */
export async function importCommand(file: string, o: ImportOptions) {
  if (!(importTypes as readonly string[]).includes(o.type))
    throw new Error(`Unknown type ${o.type}: use ${importTypes.join(", ")}.`);
  if (o.encoding && !(importEncodings as readonly string[]).includes(o.encoding))
    throw new Error(`Unknown encoding ${o.encoding}: use ${importEncodings.join(", ")}.`);
  const type = o.type as ImportRecordType;
  const deps = await openDeps(configFrom(o));
  try {
    const user = await createUsersRepository({ db: deps.db }).findByEmail(o.as);
    if (!user || user.disabled === 1) throw new Error(`No active account with e-mail ${o.as}.`);
    const memberships = await createAuthRepository({ db: deps.db }).membershipsOf(user.id);
    const actor: Actor = {
      userId: user.id,
      isAdmin: user.is_admin === 1,
      memberships,
      scopes: null,
      ip: null,
      userAgent: "rapporteur import (command line)",
    };
    let mandateId: string;
    if (o.mandate) {
      const mandate = await createMandatesRepository({ db: deps.db }).findByCode(o.mandate);
      if (!mandate) throw new Error(`No mandate with code ${o.mandate}.`);
      mandateId = mandate.id;
    } else if (memberships.size === 1) mandateId = [...memberships.keys()][0] as string;
    else throw new Error("Name the mandate with --mandate CODE.");
    const saved = await findImportMapping({ db: deps.db, actor, mandateId, type, name: o.mapping });
    const bytes = readFileSync(file);
    const bar = new cliProgress.SingleBar(
      { format: "{phase} |{bar}| {percentage}% | {value}/{total}", hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(1, 0, { phase: phaseNames.reading });
    let outcome: Awaited<ReturnType<typeof importFile>>;
    try {
      outcome = await importFile({
        db: deps.db,
        actor,
        mandateId,
        type,
        file,
        filename: path.basename(file),
        bytes,
        encoding: o.encoding as ImportEncoding | undefined,
        mapping: { columns: JSON.parse(saved.columns), eventKey: saved.event_key },
        mappingName: saved.name,
        dryRun: o.dryRun === true,
        onProgress: (p) => {
          bar.setTotal(Math.max(1, p.total));
          bar.update(p.done, { phase: phaseNames[p.phase] ?? p.phase });
        },
      });
    } finally {
      bar.stop();
    }
    const { layout } = outcome;
    const read =
      layout.format === "xlsx" ? "XLSX" : `${layout.encoding}, ${layout.lineEnding?.toUpperCase()} lines`;
    const counts = Object.entries(outcome.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(", ");
    if (outcome.ok) {
      console.log(
        o.dryRun
          ? `Dry run of ${outcome.rows} rows (${read}): no errors; would create ${counts}. Nothing was written.`
          : `Imported ${counts} from ${outcome.rows} rows (${read}); report: import run ${outcome.runId}.`,
      );
      return;
    }
    const lines = outcome.errors.map((e) => {
      const where = [
        e.line === null ? null : `line ${e.line}`,
        e.column === null ? null : `column "${e.column}"`,
        e.field === null ? null : `(${e.field})`,
      ]
        .filter(Boolean)
        .join(", ");
      return `  ${where}: ${translate("en", e.code, e.params ?? {})}`;
    });
    console.error(
      [
        `${o.dryRun ? "Dry run" : "Import"} failed: ${outcome.errors.length}${outcome.truncated ? "+" : ""} error(s); nothing was written.`,
        ...lines,
      ].join("\n"),
    );
    process.exitCode = 1;
  } finally {
    await deps.destroy();
  }
}
