import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseMail, releaseTexts } from "../../src/server/modules/mailing/mailing-mail.js";
import { createMailingsRepository } from "../../src/server/modules/mailing/mailings.repository.js";
import { type ApiClient, anonymous } from "../support/api-client.js";
import { build, createVia } from "../support/factories.js";
import { tinyJpeg, tinyPng } from "../support/images.js";
import { publishRelease } from "../support/publishing.js";
import { dialects } from "../support/test-deps.js";
import { createWorld, type World } from "../support/world.js";

interface Image {
  id: string;
  markdown: string;
  url: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  size: number;
}
interface ErrorBody {
  error: { code: string; fields: Record<string, { code: string }> };
}
type Release = { id: string; slug: string; version: number };

const publicUrl = "https://portal.example.org";
const alt = "Women at the Tumen river crossing, 2017";

describe.each(dialects)("images in press releases on %s", (dialect) => {
  let world: World;
  let officer: ApiClient;

  beforeAll(async () => {
    world = await createWorld(dialect);
    Object.assign(world.deps.config, { publicUrl });
    officer = await world.as("officer");
  });
  afterAll(async () => world?.close());

  const draft = (o: Record<string, unknown> = {}) =>
    createVia<Release>(officer, "press-releases", build.pressRelease(world.mandateId, o));
  const upload = (client: ApiClient, id: string, bytes: Buffer, filename = "map.png", type = "image/png") =>
    client.request<Image & ErrorBody>(
      "POST",
      `/api/v1/press-releases/${id}/images?filename=${encodeURIComponent(filename)}`,
      bytes,
      { "content-type": type },
    );
  const imagesOf = async (id: string) =>
    (await officer.get<{ items: Image[] }>(`/api/v1/press-releases/${id}/images`)).body.items;
  const publicGet = (url: string, headers: Record<string, string> = {}) =>
    anonymous(world.app, "GET", url, undefined, headers);

  it("an officer adds a PNG and a JPEG to a draft: told by their bytes, measured, listed, audited, with the Markdown to use", async () => {
    const r = await draft();
    const png = await upload(officer, r.id, tinyPng);
    expect(png.status, JSON.stringify(png.body)).toBe(201);
    expect(png.body).toMatchObject({
      markdown: `![](image:${png.body.id})`,
      url: `/api/v1/press-releases/${r.id}/images/${png.body.id}`,
      mimeType: "image/png",
      width: 1,
      height: 1,
      size: tinyPng.length,
    });
    // The declared type does not matter: the bytes say JPEG.
    const jpeg = await upload(officer, r.id, tinyJpeg, "photo.bin", "application/octet-stream");
    expect(jpeg.status).toBe(201);
    expect(jpeg.body).toMatchObject({ mimeType: "image/jpeg", width: 2, height: 2 });
    // Without a name, it is named by its id and type.
    const unnamed = await officer.request<Image & { filename: string }>(
      "POST",
      `/api/v1/press-releases/${r.id}/images`,
      tinyPng,
      { "content-type": "image/png" },
    );
    expect(unnamed.body.filename).toBe(`${unnamed.body.id}.png`);
    expect((await imagesOf(r.id)).map((i) => i.id)).toEqual([png.body.id, jpeg.body.id, unnamed.body.id]);
    const audit = await world.deps.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("record_id", "=", r.id)
      .where("action", "=", "press_release.image_add")
      .execute();
    expect(audit).toEqual(Array(3).fill({ action: "press_release.image_add", actor_id: officer.userId }));
  });

  it("a text file named .png, an SVG or nothing is refused naming `file`; over 5 MB is refused with 413", async () => {
    const r = await draft();
    for (const [bytes, name, type] of [
      [Buffer.from("Notes from the interview, not an image."), "photo.png", "image/png"],
      [
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        "a.svg",
        "image/svg+xml",
      ],
      [Buffer.alloc(0), "empty.png", "image/png"],
    ] as const) {
      const res = await upload(officer, r.id, bytes, name, type);
      expect(res.status, name).toBe(415);
      expect(res.body.error).toMatchObject({
        code: "press-releases.image_type",
        fields: { file: { code: "field.image_type" } },
      });
    }
    const big = Buffer.concat([tinyPng, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(officer, r.id, big)).status).toBe(413);
    expect(await imagesOf(r.id)).toEqual([]);
  });

  it("only those who may change the release add images, and only while its text is open", async () => {
    const r = await draft();
    const outsider = await upload(await world.as("outsider"), r.id, tinyPng);
    expect([outsider.status, outsider.body.error.code]).toEqual([404, "press-releases.not_found"]);
    const reader = await upload(await world.as("readonly"), r.id, tinyPng);
    expect([reader.status, reader.body.error.code]).toEqual([403, "access.forbidden"]);
    const analyst = await upload(await world.as("analyst"), r.id, tinyPng);
    expect(analyst.status).toBe(201);
    // Staff of another mandate read neither the list nor the image: the same 404 as an image that does not exist.
    const other = await world.as("outsider");
    expect((await other.get(`/api/v1/press-releases/${r.id}/images`)).status).toBe(404);
    const hidden = await other.get(analyst.body.url);
    const missing = await officer.get(
      `/api/v1/press-releases/${r.id}/images/0193f2a4-0000-7000-8000-000000000000`,
    );
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(hidden.body).toEqual(missing.body);

    await publishRelease(world, r.id);
    const late = await upload(officer, r.id, tinyPng);
    expect([late.status, late.body.error.code]).toEqual([409, "press-releases.text_locked"]);
  });

  it("an image is public only once its release is: then its page shows it and /media serves its bytes, cached for good", async () => {
    const r = await draft();
    const image = (await upload(officer, r.id, tinyPng, "CANARYFILENAMEQX.png")).body;
    const other = await draft();
    const foreign = (await upload(officer, other.id, tinyJpeg)).body;
    const bodyEn = `GENEVA — The Special Rapporteur spoke.\n\n![${alt}](image:${image.id})\n\n![Other](image:${foreign.id})`;
    expect((await officer.patch(`/api/v1/press-releases/${r.id}`, { bodyEn })).status).toBe(200);

    expect((await publicGet(`/media/${image.id}`)).status).toBe(404);
    const staff = await officer.get(image.url);
    expect(staff.status).toBe(200);
    expect(staff.headers["content-type"]).toBe("image/png");
    expect(staff.raw.rawPayload.equals(tinyPng)).toBe(true);
    const preview = (await officer.get(`/api/v1/press-releases/${r.id}/preview?lang=en`)).raw.body;
    expect(preview).toContain(`<img src="${image.url}" alt="${alt}"`);

    await publishRelease(world, r.id);
    const page = (await publicGet(`/en/press-releases/${r.slug}`)).raw.body;
    expect(page).toContain(`<img src="/media/${image.id}" alt="${alt}"`);
    // An image of another release is not shown here, even by its id.
    expect(page).not.toContain(foreign.id);
    const media = await publicGet(`/media/${image.id}`);
    expect(media.status).toBe(200);
    expect(media.raw.rawPayload.equals(tinyPng)).toBe(true);
    expect(media.headers).toMatchObject({
      "content-type": "image/png",
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=300, must-revalidate",
      "content-disposition": "inline",
    });
    expect(media.raw.body).not.toContain("CANARY");
    const etag = String(media.headers.etag);
    expect((await publicGet(`/media/${image.id}`, { "if-none-match": etag })).status).toBe(304);
    expect((await publicGet(`/media/${foreign.id}`)).status).toBe(404);

    // The mailing shows it at its absolute address; its plain text gives the alternative text instead.
    const repo = createMailingsRepository({ db: world.deps.db });
    const row = await repo.findRelease(r.id);
    if (!row) throw new Error("release not found");
    const texts = releaseTexts(publicUrl, row, await repo.imageIdsOf(r.id));
    const mail = releaseMail(texts.en, "Test country mandate", { manage: "m", unsubscribe: "u" });
    expect(mail.html).toContain(`<img src="${publicUrl}/media/${image.id}" alt="${alt}"`);
    expect(mail.html).not.toContain(foreign.id);
    expect(mail.text).toContain(alt);
    expect(mail.text).not.toContain("image:");

    // Withdrawn, it is not public any more.
    expect(
      (await officer.post(`/api/v1/press-releases/${r.id}/transitions`, { action: "unpublish" })).status,
    ).toBe(200);
    expect((await publicGet(`/media/${image.id}`)).status).toBe(404);
  });
});
