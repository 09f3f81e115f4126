import { loadReferencePlaces } from "./modules/places/places.usecases.js";
import { type Indexed, rebuildSearchIndex } from "./modules/search/search-index.usecases.js";
import { createVocabulariesRepository } from "./modules/vocabularies/vocabularies.repository.js";
import { importShippedVocabularies } from "./modules/vocabularies/vocabularies.usecases.js";
import type { Config } from "./platform/config/config.js";
import { loadMasterKey } from "./platform/crypto/master-key.js";
import { createDatabase } from "./platform/db/database.js";
import { migrateToLatest } from "./platform/db/migrator.js";
import type { AppDeps } from "./platform/http/deps.js";

export interface OpenedDeps extends AppDeps {
  destroy: () => Promise<void>;
}

/** The migrations with which types joined the search, or had their documents remade. */
const searchJoins: [string, Indexed[]][] = [
  ["0008-search-reports", ["report", "recommendation"]],
  ["0014-search-press-releases", ["press_release", "report"]],
];

/**
 * Opens the database, brings the schema up to date and loads the shipped reference data (vocabularies, countries,
 * gazetteer) on first run. Safe when several servers start together on one PostgreSQL.
 * @example const deps = await openDeps(loadConfig()); … await deps.destroy();
 */
export async function openDeps(config: Config): Promise<OpenedDeps> {
  const handle = createDatabase(config);
  try {
    const applied = await migrateToLatest(handle.db);
    if ((await createVocabulariesRepository({ db: handle.db }).listLists()).length === 0) {
      await importShippedVocabularies(handle.db);
    }
    await loadReferencePlaces(handle.db);
    // Records written before the search (or before their type joined it) are indexed once, when its migration is
    // applied: every type with the search itself, reports and recommendations when they joined it, press releases
    // (and reports, whose published ones kept the level they had before publication) when they joined it.
    const types = searchJoins.filter(([m]) => applied.includes(m)).flatMap(([, t]) => t);
    if (applied.includes("0002-search")) await rebuildSearchIndex(handle.db);
    else if (types.length) await rebuildSearchIndex(handle.db, { types: [...new Set(types)] });
  } catch (e) {
    await handle.destroy();
    throw e;
  }
  return {
    db: handle.db,
    readDb: handle.readDb,
    dialect: handle.dialect,
    config,
    masterKey: loadMasterKey(config),
    authSettings: {
      sessionHours: config.sessionHours,
      loginDelayMs: config.loginDelayMs,
      lockoutThreshold: config.lockoutThreshold,
      lockoutMinutes: config.lockoutMinutes,
      loginsPerIpPerMinute: config.loginsPerIpPerMinute,
    },
    destroy: handle.destroy,
  };
}
