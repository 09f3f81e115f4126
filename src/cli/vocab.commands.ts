import path from "node:path";
import { openDeps } from "../server/bootstrap.js";
import {
  importVocabularies,
  readThesauriFile,
} from "../server/modules/vocabularies/vocabularies.usecases.js";
import { type CommonOptions, configFrom } from "./run-command.js";

/** `rapporteur vocab import FILE` */
export async function vocabImport(file: string, o: CommonOptions) {
  const deps = await openDeps(configFrom(o));
  try {
    const result = await importVocabularies({
      db: deps.db,
      actor: null,
      file: readThesauriFile(path.resolve(file)),
    });
    console.log(
      `Imported ${result.lists} lists: ${result.added} terms added, ${result.updated} updated, none removed.`,
    );
  } finally {
    await deps.destroy();
  }
}
