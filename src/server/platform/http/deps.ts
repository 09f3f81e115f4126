import type { AuthSettings } from "../../modules/auth/auth.usecases.js";
import type { Config } from "../config/config.js";
import type { MasterKey } from "../crypto/master-key.js";
import type { Db, Dialect } from "../db/database.js";

/** What every route and use case may be handed: built once at start, passed down explicitly. */
export interface AppDeps {
  db: Db;
  /** Reads that must not wait behind a long write: the caller's session, an import's progress. */
  readDb: Db;
  dialect: Dialect;
  config: Config;
  masterKey: MasterKey;
  authSettings: AuthSettings;
}
