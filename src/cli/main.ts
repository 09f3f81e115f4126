import { Command, Option } from "commander";
import { importCommand } from "./imports.commands.js";
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

await program.parseAsync(process.argv);
