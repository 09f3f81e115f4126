import type { Insertable } from "kysely";
import type { Tx } from "../../platform/db/any-db.js";
import type { PressReleaseImagesTable } from "../../platform/db/schema-publish.types.js";

/** The SQL of press releases' images (their bytes are in the blob store). */
export function createPressReleaseImagesRepository({ db }: { db: Tx }) {
  return {
    insert: (row: Insertable<PressReleaseImagesTable>) =>
      db.insertInto("press_release_images").values(row).execute(),

    /** A release's images, oldest first. */
    listOf: (pressReleaseId: string) =>
      db
        .selectFrom("press_release_images")
        .selectAll()
        .where("press_release_id", "=", pressReleaseId)
        .orderBy("id")
        .execute(),

    /** One image, only as an image of this release. */
    find: (pressReleaseId: string, id: string) =>
      db
        .selectFrom("press_release_images")
        .selectAll()
        .where("press_release_id", "=", pressReleaseId)
        .where("id", "=", id)
        .executeTakeFirst(),
  };
}
