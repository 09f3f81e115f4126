import type SqliteDatabase from "better-sqlite3";
import { type DatabaseConnection, type Driver, SqliteDialect, SqliteDriver } from "kysely";

/**
 * Kysely's SQLite dialect, except that a rollback after SQLite has already rolled back by itself (it does on
 * SQLITE_FULL, SQLITE_IOERR and some others) is skipped: the original error then reaches the caller, and the API
 * answers `storage.full` rather than "cannot rollback - no transaction is active".
 * @example new Kysely({ dialect: new RollbackSafeSqliteDialect(sqlite) })
 */
export class RollbackSafeSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SqliteDatabase.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    const sqlite = this.sqlite;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (sqlite.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: sqlite });
  }
}
