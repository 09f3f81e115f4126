import { existsSync, readFileSync } from "node:fs";
import { newKeyRequired } from "../server/platform/crypto/crypto.errors.js";
import {
  finishRotationKeys,
  prepareRotationKeys,
  type RotationKeys,
} from "../server/platform/crypto/key-files.js";
import { checkBeforeRotation, rotateMasterKey } from "../server/platform/crypto/key-rotation.usecases.js";
import {
  loadCurrentMasterKey,
  nextKeyFile,
  rotationMarkerFile,
} from "../server/platform/crypto/master-key.js";
import { createDatabase } from "../server/platform/db/database.js";
import { migrateToLatest } from "../server/platform/db/migrator.js";
import { type CommonOptions, configFrom } from "./run-command.js";

/** Exit code of a rotation stopped on purpose (`--stop-after`): run the command again to continue. */
export const rotationStoppedExitCode = 3;

interface RotateOptions extends CommonOptions {
  newKeyFile?: string;
  force?: boolean;
  stopAfter?: string;
}

/** `rapporteur keys rotate [--new-key-file FILE] [--force]`, with the server stopped. */
export async function keysRotate(o: RotateOptions) {
  const config = configFrom(o);
  const newKey = o.newKeyFile === undefined ? undefined : readFileSync(o.newKeyFile, "utf8");
  if (config.masterKey && newKey === undefined) throw newKeyRequired();
  const pending = [nextKeyFile(config.dataDir), rotationMarkerFile(config.dataDir)].some((f) =>
    existsSync(f),
  );
  const handle = createDatabase(config);
  let keys: RotationKeys;
  try {
    await migrateToLatest(handle.db);
    // A refused rotation leaves nothing behind: the new key is written only once the checks pass.
    if (!pending)
      await checkBeforeRotation({
        db: handle.db,
        current: loadCurrentMasterKey(config),
        force: o.force === true,
      });
    keys = prepareRotationKeys({ dataDir: config.dataDir, masterKey: config.masterKey, newKey });
    console.log(
      `${keys.resumed ? "Continuing" : "Starting"} the rotation from master key ${keys.current.id} to ${keys.next.id}.`,
    );
    const outcome = await rotateMasterKey({
      db: handle.db,
      current: keys.current,
      next: keys.next,
      force: o.force === true,
      ...(o.stopAfter === undefined ? {} : { stopAfterRows: Number(o.stopAfter) }),
    });
    for (const t of outcome.tables)
      console.log(
        `  ${t.table.padEnd(20)} re-wrapped ${t.rewrapped}, verified ${t.verified} under the new key`,
      );
    if (outcome.interrupted) {
      console.log(
        "Stopped as asked. The old key is still in use: run `rapporteur keys rotate` again to continue.",
      );
      process.exitCode = rotationStoppedExitCode;
      return;
    }
    if (outcome.chainWasBroken)
      console.log("The audit chain was broken and has been relinked anyway (--force).");
    console.log(`Audit chain relinked under the new key: ${outcome.relinked} rows.`);
    if (outcome.chainHead)
      console.log(`Audit chain head: ${outcome.chainHead.seq}:${outcome.chainHead.hash}`);
  } finally {
    await handle.destroy();
  }
  finishRotationKeys(keys, config.dataDir);
  console.log(
    keys.mode === "file"
      ? `The new master key is now ${config.dataDir}/master.key; the old key file is removed.`
      : "Set RAPPORTEUR_MASTER_KEY to the new key before starting the server: the old key opens nothing any more.",
  );
  console.log(
    "Links in e-mails already sent (confirmation, preferences, unsubscribe) are signed with the old key and no longer work; subscribers can use the links of the next mailing or subscribe again.",
  );
}
