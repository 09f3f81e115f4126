import { Command, Option } from "commander";
import { auditVerify } from "./audit.commands.js";
import { backupCommand, restoreCommand } from "./backup.commands.js";
import { importCommand } from "./imports.commands.js";
import { keysRotate } from "./keys.commands.js";
import { runCommand } from "./run-command.js";
import { demoCommand, migrateCommand, serveCommand } from "./server.commands.js";
import { usersAdd, usersDisable, usersList, usersSetRole } from "./users.commands.js";
import { vocabImport } from "./vocab.commands.js";

const program = new Command("rapporteur").description(
  "Rapporteur: human-rights documentation for monitoring mandates",
);

const withServerOptions = (cmd: Command) =>
  cmd
    .addOption(new Option("--port <port>", "TCP port (env PORT)"))
    .addOption(new Option("--host <host>", "listen address (env RAPPORTEUR_HOST)"))
    .addOption(new Option("--data-dir <dir>", "data directory (env RAPPORTEUR_DATA_DIR)"))
    .addOption(new Option("--database-url <url>", "PostgreSQL URL (env DATABASE_URL); SQLite when unset"));
const withDataOptions = (cmd: Command) =>
  cmd
    .addOption(new Option("--data-dir <dir>", "data directory (env RAPPORTEUR_DATA_DIR)"))
    .addOption(new Option("--database-url <url>", "PostgreSQL URL (env DATABASE_URL)"));

withServerOptions(program.command("serve").description("serve the application")).action(
  runCommand(serveCommand),
);
withServerOptions(
  program.command("demo").description("serve with the demo mandate in a fresh (or demo) data directory"),
).action(runCommand(demoCommand));
withDataOptions(program.command("migrate").description("bring the database schema up to date")).action(
  runCommand(migrateCommand),
);

const users = program.command("users").description("manage user accounts");
withDataOptions(
  users
    .command("add <email>")
    .description("create an account; the password is read from RAPPORTEUR_NEW_PASSWORD or standard input")
    .requiredOption("--name <name>", "display name")
    .option("--admin", "instance administrator"),
).action(runCommand(usersAdd));
withDataOptions(users.command("list").description("list accounts and their roles")).action(
  runCommand(usersList),
);
withDataOptions(
  users
    .command("set-role <email> <role>")
    .description(
      "give a role in a mandate (mandate_holder, officer, analyst, readonly) or the instance admin role (admin)",
    )
    .option("--mandate <code>", "mandate code (not needed for admin)"),
).action(runCommand(usersSetRole));
withDataOptions(
  users.command("disable <email>").description("disable an account and end its sessions"),
).action(runCommand(usersDisable));

const vocab = program.command("vocab").description("vocabularies");
withDataOptions(vocab.command("import <file>").description("import HURIDOCS micro-thesauri (JSON)")).action(
  runCommand(vocabImport),
);

withDataOptions(
  program
    .command("import <file>")
    .description("import a CSV or XLSX file through a saved column mapping: all rows or, at any error, none")
    .requiredOption("--type <type>", "record type: persons, sources, events, acts, recommendations")
    .requiredOption("--mapping <name>", "name of a column mapping saved for the mandate and type")
    .requiredOption("--as <email>", "the member who imports (needs write rights in the mandate)")
    .option("--mandate <code>", "mandate code (not needed when the member belongs to one mandate)")
    .option("--encoding <encoding>", "read the file in this encoding instead of the detected one")
    .option("--dry-run", "check every row and list the errors, writing nothing"),
).action(runCommand(importCommand));

withDataOptions(
  program
    .command("backup <file>")
    .description(
      "write an encrypted backup (every table, the attached files, the master key) while the server may run",
    )
    .option(
      "--passphrase-file <file>",
      "read the passphrase from this file (else RAPPORTEUR_BACKUP_PASSPHRASE, else asked)",
    ),
).action(runCommand(backupCommand));
withDataOptions(
  program
    .command("restore <file>")
    .description(
      "restore a backup into an empty data directory or database: all of it or, at any error, nothing",
    )
    .option(
      "--passphrase-file <file>",
      "read the passphrase from this file (else RAPPORTEUR_BACKUP_PASSPHRASE, else asked)",
    ),
).action(runCommand(restoreCommand));

const audit = program.command("audit").description("the tamper-evident audit trail");
withDataOptions(
  audit
    .command("verify")
    .description("walk the audit chain and report its first broken link (exit code 2 when broken)")
    .option("--seal", "link the rows not yet sealed first")
    .option("--expect-head <seq:hash>", "check that a head recorded earlier is still in the chain"),
).action(runCommand(auditVerify));

const keys = program.command("keys").description("the master key");
withDataOptions(
  keys
    .command("rotate")
    .description("re-wrap every data key under a new master key (server stopped; run again to resume)")
    .option("--new-key-file <file>", "the new key (required when the key comes from RAPPORTEUR_MASTER_KEY)")
    .option("--force", "rotate even though the audit chain is broken")
    .addOption(new Option("--stop-after <rows>", "stop after this many rows (tests)").hideHelp()),
).action(runCommand(keysRotate));

await program.parseAsync(process.argv);
