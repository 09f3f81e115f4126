import { createInterface } from "node:readline";
import cliProgress from "cli-progress";
import {
  backupPassphraseMissing,
  backupPassphrasesDiffer,
  backupPassphraseTooShort,
} from "../server/platform/backup/backup.errors.js";
import { createBackup, readPassphraseFile } from "../server/platform/backup/backup.usecases.js";
import { restoreBackup } from "../server/platform/backup/restore.usecases.js";
import type { Config } from "../server/platform/config/config.js";
import { type CommonOptions, configFrom } from "./run-command.js";

export interface BackupOptions extends CommonOptions {
  passphraseFile?: string;
}

const minPassphrase = 12;

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  process.stderr.write(question);
  // readline echoes typed characters through this method; silencing it hides the passphrase.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  return new Promise((resolve) =>
    rl.question("", (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    }),
  );
}

/** The passphrase from --passphrase-file, else RAPPORTEUR_BACKUP_PASSPHRASE, else asked on the terminal. */
async function passphraseFor(o: BackupOptions, config: Config, confirm: boolean): Promise<string> {
  let passphrase = o.passphraseFile ? readPassphraseFile(o.passphraseFile) : config.backupPassphrase;
  if (passphrase === undefined) {
    if (!process.stdin.isTTY) throw backupPassphraseMissing();
    passphrase = await askHidden("Backup passphrase: ");
    if (confirm && passphrase.length >= minPassphrase && (await askHidden("Again: ")) !== passphrase)
      throw backupPassphrasesDiffer();
  }
  if (passphrase.length < minPassphrase) throw backupPassphraseTooShort({ min: minPassphrase });
  return passphrase;
}

function progressBar() {
  if (!process.stderr.isTTY) return null;
  const bar = new cliProgress.SingleBar(
    { format: "{phase} |{bar}| {percentage}% | {value}/{total}", hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, { phase: "" });
  return bar;
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** `rapporteur backup FILE [--passphrase-file F]`: an encrypted, consistent copy while the server may run. */
export async function backupCommand(file: string, o: BackupOptions) {
  const config = configFrom(o);
  const passphrase = await passphraseFor(o, config, true);
  const bar = progressBar();
  const summary = await createBackup({
    config,
    file,
    passphrase,
    onProgress: (p) => {
      bar?.setTotal(Math.max(1, p.total));
      bar?.update(p.done, { phase: p.phase === "rows" ? "Rows " : "Files" });
    },
  }).finally(() => bar?.stop());
  console.log(
    `Backup written to ${summary.file}: ${summary.tables} tables, ${summary.rows} rows, ${summary.attachments} attachments, ${mib(summary.bytes)} in ${summary.seconds.toFixed(1)} s.`,
  );
  if (summary.missingAttachments.length) {
    console.error(
      `Warning: ${summary.missingAttachments.length} stored file(s) are missing or do not match their checksum and were not copied:\n${summary.missingAttachments.map((s) => `  ${s}`).join("\n")}`,
    );
    process.exitCode = 2;
  }
}

/** `rapporteur restore FILE [--passphrase-file F]`: into an empty data directory or database, all or nothing. */
export async function restoreCommand(file: string, o: BackupOptions) {
  const config = configFrom(o);
  const passphrase = await passphraseFor(o, config, false);
  const bar = progressBar();
  const summary = await restoreBackup({
    config,
    file,
    passphrase,
    onProgress: (p) => {
      bar?.setTotal(Math.max(1, p.total));
      bar?.update(p.done, { phase: p.phase === "checking" ? "Checking" : "Writing " });
    },
  }).finally(() => bar?.stop());
  console.log(
    `Restored ${summary.tables} tables, ${summary.rows} rows and ${summary.attachments} attachments (${mib(summary.bytes)}) into ${config.databaseUrl ? "the PostgreSQL database" : config.dataDir} in ${summary.seconds.toFixed(1)} s.`,
  );
}
