import { type ExpressionBuilder, sql } from "kysely";
import type { Tx } from "../../platform/db/any-db.js";
import type { Database } from "../../platform/db/schema.types.js";

/** Readable by anyone: at level public and not restricted. */
const publicLevel = { confidentiality: "public", restricted: 0 } as const;

/** Published in a year: dates compare as text, so the year's are from "2026-" up to "2027-". */
const inYear = (year: number) => (eb: ExpressionBuilder<Database, "press_releases">) =>
  eb.and([eb("published_at", ">=", `${year}-`), eb("published_at", "<", `${year + 1}-`)]);

/**
 * The SQL of the public portal, and the only SQL it has. Every query here reads what is public and published — a
 * record at level `public`, not restricted, in its published state — and selects only the columns the public
 * presenters show. Nothing else of the database is reachable from the portal.
 */
export function createPortalRepository({ db }: { db: Tx }) {
  const releases = (mandateId: string) =>
    db
      .selectFrom("press_releases")
      .where("mandate_id", "=", mandateId)
      .where("status", "=", "published")
      .where((eb) => eb.and(publicLevel));
  // A release's images are public exactly when the release is.
  const images = (mandateId: string) =>
    db
      .selectFrom("press_release_images as i")
      .innerJoin("press_releases as r", "r.id", "i.press_release_id")
      .where("r.mandate_id", "=", mandateId)
      .where("r.status", "=", "published")
      // The images' own table has no level: these are the release's.
      .where((eb) => eb.and(publicLevel));
  const publishedReports = (mandateId: string) =>
    db
      .selectFrom("reports")
      .where("mandate_id", "=", mandateId)
      .where("status", "=", "published")
      .where((eb) => eb.and(publicLevel));
  const releaseColumns = [
    "id",
    "slug",
    "location",
    "published_at",
    "updated_at",
    "title_en",
    "title_ko",
    "summary_en",
    "summary_ko",
  ] as const;

  return {
    /** The mandate the portal shows: by its code, or the first one created. */
    mandate: (code: string | undefined) => {
      let q = db
        .selectFrom("mandates")
        .select(["id", "code", "name_en", "name_ko", "holder", "about_en", "about_ko", "updated_at"]);
      q = code ? q.where("code", "=", code) : q.orderBy("created_at", "asc").orderBy("id", "asc");
      return q.limit(1).executeTakeFirst();
    },

    /**
     * What the public pages are made of has changed when this changes: the latest change of every table the portal
     * reads (records are changed, never deleted, so the latest change moves with every edit). Each part is one seek
     * in the table's (mandate, updated_at) index; any server computes the same value from the same data.
     */
    async dataVersion(mandateId: string): Promise<{ latest: string; key: string }> {
      const part = (table: string) =>
        sql<{ t: string; latest: string | null }>`select ${table} as t, max(updated_at) as latest
          from ${sql.table(table)} where mandate_id = ${mandateId}`;
      const { rows } = await sql<{ t: string; latest: string | null }>`${part("press_releases")}
        union all ${part("reports")} union all ${part("communications")}
        union all ${part("communication_replies")} union all ${part("visit_requests")}
        union all ${part("visits")} union all ${part("recommendations")}
        union all ${part("recommendation_follow_ups")}
        union all select 'mandates' as t, max(updated_at) as latest from mandates where id = ${mandateId}`.execute(
        db,
      );
      const latest = rows.reduce((max, r) => (r.latest && r.latest > max ? r.latest : max), "");
      return { latest, key: rows.map((r) => `${r.t}:${r.latest ?? ""}`).join("|") };
    },

    /** Published press releases, newest first, a page at a time (optionally of one year). */
    pressReleases: (mandateId: string, o: { year?: number | undefined; limit: number; offset: number }) => {
      let q = releases(mandateId).select(releaseColumns);
      if (o.year) q = q.where(inYear(o.year));
      return q
        .orderBy("published_at", "desc")
        .orderBy("id", "desc")
        .limit(o.limit)
        .offset(o.offset)
        .execute();
    },

    /**
     * The latest published releases written in one language, with their bodies: what a feed of that language carries.
     * A release is written in a language when it has a title in it (as `releaseLanguages` reads it).
     */
    feedReleases: (mandateId: string, lang: "en" | "ko", limit: number) =>
      releases(mandateId)
        .select([...releaseColumns, "body_en", "body_ko"])
        .where(lang === "en" ? "title_en" : "title_ko", "is not", null)
        .where(lang === "en" ? "title_en" : "title_ko", "<>", "")
        .orderBy("published_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute(),

    /** The ids of the images of some published releases, with the release each belongs to. */
    releasesImageIds: (mandateId: string, pressReleaseIds: string[]) =>
      pressReleaseIds.length
        ? images(mandateId)
            .select(["i.id", "r.id as release_id"])
            .where("r.id", "in", pressReleaseIds)
            .execute()
        : Promise.resolve([]),

    async pressReleaseCount(mandateId: string, year?: number) {
      let q = releases(mandateId).select((eb) => eb.fn.countAll<number>().as("n"));
      if (year) q = q.where(inYear(year));
      return Number((await q.executeTakeFirst())?.n ?? 0);
    },

    async pressReleaseYears(mandateId: string) {
      const rows = await releases(mandateId).select("published_at").execute();
      return [...new Set(rows.map((r) => Number(String(r.published_at).slice(0, 4))))].sort((a, b) => b - a);
    },

    pressRelease: (mandateId: string, slug: string) =>
      releases(mandateId)
        .select([...releaseColumns, "body_en", "body_ko"])
        .where("slug", "=", slug)
        .executeTakeFirst(),

    /** The ids of a published release's images: the only images its page shows. */
    async releaseImageIds(mandateId: string, pressReleaseId: string) {
      const rows = await images(mandateId).select("i.id").where("r.id", "=", pressReleaseId).execute();
      return rows.map((row) => row.id);
    },

    /** An image of a published release, as `/media/{id}` serves it: what it is and where its bytes are. */
    image: (mandateId: string, id: string) =>
      images(mandateId).select(["i.id", "i.sha256", "i.mime_type"]).where("i.id", "=", id).executeTakeFirst(),

    /** Published reports at level public, newest first (the latest `limit` of them). */
    reports: (mandateId: string, o: { limit?: number } = {}) => {
      const q = publishedReports(mandateId)
        .select([
          "id",
          "kind",
          "symbol",
          "title",
          "subtitle",
          "session",
          "language",
          "published_on",
          "updated_at",
        ])
        .orderBy("published_on", "desc")
        .orderBy("id", "desc");
      return (o.limit === undefined ? q : q.limit(o.limit)).execute();
    },

    /** One published public report, whole, for its downloads. */
    report: (mandateId: string, id: string) =>
      publishedReports(mandateId).selectAll().where("id", "=", id).executeTakeFirst(),

    /** What names a published public report's files: its id and symbol. */
    reportSymbol: (mandateId: string, id: string) =>
      publishedReports(mandateId).select(["id", "symbol"]).where("id", "=", id).executeTakeFirst(),

    /** Communications past their embargo (the communications module publishes them), newest first (`limit` of them). */
    communications: (mandateId: string, o: { limit?: number } = {}) => {
      const q = db
        .selectFrom("communications")
        .select([
          "id",
          "reference",
          "reference_year",
          "kind",
          "joint_mandates",
          "sent_on",
          "addressee_kind",
          "addressee_country",
          "addressee_name",
          "public_summary",
          "published_at",
        ])
        .where("mandate_id", "=", mandateId)
        .where("status", "=", "published")
        .orderBy("sent_on", "desc")
        .orderBy("reference", "desc");
      return (o.limit === undefined ? q : q.limit(o.limit)).execute();
    },

    /** Visit requests and visits at level public. */
    visitRequests: (mandateId: string) =>
      db
        .selectFrom("visit_requests")
        .select([
          "id",
          "country",
          "first_requested_on",
          "status",
          "status_on",
          "reminder_count",
          "last_reminder_on",
        ])
        .where("mandate_id", "=", mandateId)
        .where((eb) => eb.and(publicLevel))
        .orderBy("country")
        .execute(),

    visits: (mandateId: string) =>
      db
        .selectFrom("visits")
        .select([
          "id",
          "title",
          "visit_kind",
          "country",
          "visit_request_id",
          "start_on",
          "end_on",
          "status",
          "report_symbol",
        ])
        .where("mandate_id", "=", mandateId)
        .where((eb) => eb.and(publicLevel))
        .orderBy("start_on", "desc")
        .execute(),

    /** Recommendations at level public, with their public follow-ups. */
    recommendations: (mandateId: string, o: { status?: string | undefined; body?: string | undefined }) => {
      let q = db
        .selectFrom("recommendations")
        .select([
          "id",
          "source_body",
          "paragraph",
          "addressee_kind",
          "addressee_country",
          "addressee_name",
          "theme",
          "text",
          "recommending_state",
          "response",
          "session",
          "issued_on",
          "status",
          "status_on",
        ])
        .where("mandate_id", "=", mandateId)
        .where((eb) => eb.and(publicLevel));
      if (o.status) q = q.where("status", "=", o.status);
      if (o.body) q = q.where("source_body", "=", o.body);
      return q.orderBy("issued_on", "desc").orderBy("id").execute();
    },

    followUpsOf: (ids: string[]) =>
      ids.length
        ? db
            .selectFrom("recommendation_follow_ups")
            .select(["id", "recommendation_id", "status", "assessed_on", "evidence"])
            .where("recommendation_id", "in", ids)
            .where((eb) => eb.and(publicLevel))
            .orderBy("assessed_on", "desc")
            .execute()
        : Promise.resolve([]),
  };
}

export type PortalRepository = ReturnType<typeof createPortalRepository>;
