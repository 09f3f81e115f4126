import { defineError } from "../errors/app-error.js";

export const backupDamaged = defineError("backup.damaged", 422);
export const backupTruncated = defineError("backup.truncated", 422);
export const backupWrongPassphrase = defineError("backup.wrong_passphrase", 422);
export const backupPassphraseTooShort = defineError("backup.passphrase_too_short", 400);
export const backupPassphraseMissing = defineError("backup.passphrase_missing", 400);
export const backupTargetNotEmpty = defineError("backup.target_not_empty", 409);
export const backupNewerSchema = defineError("backup.newer_schema", 409);
export const backupOtherDialect = defineError("backup.other_dialect", 409);
export const backupMasterKeyDiffers = defineError("backup.master_key_differs", 409);
export const backupNoMasterKey = defineError("backup.no_master_key", 409);
export const backupFileExists = defineError("backup.file_exists", 409);
export const backupNoDatabase = defineError("backup.no_database", 409);
export const backupPassphrasesDiffer = defineError("backup.passphrases_differ", 400);
