import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { createMandate, setMembership } from "../../src/server/modules/mandates/mandates.usecases.js";
import { createUser } from "../../src/server/modules/users/users.usecases.js";
import { build } from "../support/factories.js";
import { createTestDeps, type DialectName, dialects, type TestDeps } from "../support/test-deps.js";
import { createWorld, testPassword, type World } from "../support/world.js";

/** A 1×1 transparent PNG, as a phone camera app would not produce but a browser happily shows. */
const png = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082",
  "hex",
);
/** A witness statement typed on a Korean Windows machine: CP949/EUC-KR bytes, not UTF-8. */
const eucKrStatement = Buffer.concat([
  Buffer.from("Statement 2017-07-18\r\n", "ascii"),
  Buffer.from([0xc8, 0xb8, 0xb7, 0xc9, 0xbf, 0xa1, 0xbc, 0xad, 0x20, 0xb1, 0xb8, 0xb1, 0xdd]),
  Buffer.from("\r\n", "ascii"),
]);

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

interface RawSession {
  cookie: string;
  csrf: string;
}

async function rawSession(app: FastifyInstance, email: string): Promise<RawSession> {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { "content-type": "application/json" },
    payload: JSON.stringify({ email, password: testPassword }),
  });
  expect(res.statusCode).toBe(200);
  const header = res.headers["set-cookie"];
  return {
    cookie: String(Array.isArray(header) ? header[0] : header).split(";")[0] ?? "",
    csrf: (res.json() as { csrfToken: string }).csrfToken,
  };
}

function upload(
  app: FastifyInstance,
  who: RawSession,
  query: Record<string, string>,
  contentType: string,
  bytes: Buffer,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: "POST",
    url: `/api/v1/attachments?${new URLSearchParams(query)}`,
    headers: { cookie: who.cookie, "x-csrf-token": who.csrf, "content-type": contentType },
    payload: bytes,
  });
}

const download = (app: FastifyInstance, who: RawSession, id: string) =>
  app.inject({ method: "GET", url: `/api/v1/attachments/${id}/content`, headers: { cookie: who.cookie } });

/** Every file under the attachment store, relative to it. */
function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, "attachments");
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(path.join(root, f)).isFile())
    .sort();
}

const countAttachments = async (deps: TestDeps) =>
  Number(
    (
      await deps.db
        .selectFrom("attachments")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(dialects)("attaching files on %s", (dialect: DialectName) => {
  let world: World;
  let officer: RawSession;
  beforeAll(async () => {
    world = await createWorld(dialect);
    officer = await rawSession(world.app, "officer@test.example");
  });
  afterAll(async () => world?.close());

  it("an uploaded photo is stored by its SHA-256 and downloads byte for byte, as an attachment", async () => {
    const res = await upload(
      world.app,
      officer,
      { mandateId: world.mandateId, filename: "detention site.png" },
      "image/png",
      png,
    );
    expect(res.statusCode).toBe(201);
    const record = res.json() as {
      id: string;
      sha256: string;
      size: number;
      mimeType: string;
      filename: string;
    };
    expect(record).toMatchObject({
      sha256: sha256(png),
      size: png.length,
      mimeType: "image/png",
      filename: "detention site.png",
      confidentiality: "confidential",
    });

    const h = record.sha256;
    const stored = path.join(world.deps.config.dataDir, "attachments", h.slice(0, 2), h.slice(2, 4), h);
    expect(readFileSync(stored).equals(png)).toBe(true);
    expect(statSync(stored).mode & 0o777).toBe(0o600);

    const got = await download(world.app, officer, record.id);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(png)).toBe(true);
    expect(got.headers["content-type"]).toBe("image/png");
    expect(String(got.headers["content-disposition"])).toMatch(
      /^attachment; filename\*=UTF-8''detention%20site\.png$/,
    );
    expect(got.headers["x-content-type-options"]).toBe("nosniff");
    expect(got.headers["x-checksum-sha256"]).toBe(h);
  });

  it("inline=1 shows images and PDFs in the page (a preview), but anything else still downloads", async () => {
    const pdf = Buffer.from(
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
        "trailer<</Root 1 0 R>>\n%%EOF\n",
    );
    const files = [
      { filename: "site.png", type: "image/png", bytes: png, inline: true },
      { filename: "report 보고서.pdf", type: "application/pdf", bytes: pdf, inline: true },
      { filename: "notes.txt", type: "text/plain", bytes: Buffer.from("notes\n"), inline: false },
      {
        filename: "data.bin",
        type: "application/octet-stream",
        bytes: Buffer.from([0, 1, 2]),
        inline: false,
      },
    ];
    for (const f of files) {
      const res = await upload(
        world.app,
        officer,
        { mandateId: world.mandateId, filename: f.filename },
        f.type,
        f.bytes,
      );
      expect(res.statusCode).toBe(201);
      const { id } = res.json() as { id: string };
      const got = await world.app.inject({
        method: "GET",
        url: `/api/v1/attachments/${id}/content?inline=1`,
        headers: { cookie: officer.cookie },
      });
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(f.bytes)).toBe(true);
      expect(got.headers["content-type"]).toBe(f.type);
      expect(got.headers["x-content-type-options"]).toBe("nosniff");
      expect(String(got.headers["content-disposition"])).toBe(
        `${f.inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
      );
      const plain = await download(world.app, officer, id);
      expect(String(plain.headers["content-disposition"])).toMatch(/^attachment; /);
    }
    const { id } = (
      await upload(world.app, officer, { mandateId: world.mandateId, filename: "x.png" }, "image/png", png)
    ).json() as { id: string };
    for (const query of ["inline=0", "inline=yes", "inline=1&inline=1", "preview=1"]) {
      const bad = await world.app.inject({
        method: "GET",
        url: `/api/v1/attachments/${id}/content?${query}`,
        headers: { cookie: officer.cookie },
      });
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json()).toMatchObject({ error: { code: "request.validation_failed" } });
    }
  });

  it("a text file in a legacy Korean encoding (EUC-KR) is kept byte for byte, not re-encoded", async () => {
    const res = await upload(
      world.app,
      officer,
      { mandateId: world.mandateId, filename: "statement.txt" },
      "text/plain",
      eucKrStatement,
    );
    expect(res.statusCode).toBe(201);
    const record = res.json() as { id: string; sha256: string; size: number };
    expect(record.sha256).toBe(sha256(eucKrStatement));
    expect(record.size).toBe(eucKrStatement.length);
    const got = await download(world.app, officer, record.id);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(eucKrStatement)).toBe(true);
  });

  it("a stored file altered on disk is refused as corrupt, never served", async () => {
    const original = Buffer.from(`Interview notes, Yanji, ${Date.now()}\n`);
    const res = await upload(
      world.app,
      officer,
      { mandateId: world.mandateId, filename: "notes.txt" },
      "text/plain; charset=utf-8",
      original,
    );
    expect(res.statusCode).toBe(201);
    const { id, sha256: h } = res.json() as { id: string; sha256: string };
    const stored = path.join(world.deps.config.dataDir, "attachments", h.slice(0, 2), h.slice(2, 4), h);
    const altered = Buffer.from(original);
    altered.write("Yanj!", 18);
    writeFileSync(stored, altered);

    const got = await download(world.app, officer, id);
    expect(got.statusCode).toBe(500);
    expect(got.json()).toMatchObject({ error: { code: "attachments.corrupt" } });
    expect(got.rawPayload.includes(altered)).toBe(false);
    expect(got.body).not.toContain("Yanj!");

    unlinkSync(stored);
    const missing = await download(world.app, officer, id);
    expect(missing.statusCode).toBe(500);
    expect(missing.json()).toMatchObject({ error: { code: "attachments.corrupt" } });
  });

  it("uploading the same file again after its stored copy was damaged stores a good copy again", async () => {
    const original = Buffer.from(`Map of the holding centre, ${Date.now()}\n`);
    const first = await upload(
      world.app,
      officer,
      { mandateId: world.mandateId, filename: "map.txt" },
      "text/plain",
      original,
    );
    const { id, sha256: h } = first.json() as { id: string; sha256: string };
    const stored = path.join(world.deps.config.dataDir, "attachments", h.slice(0, 2), h.slice(2, 4), h);
    const damaged = Buffer.from(original);
    damaged[0] = 0x21;
    writeFileSync(stored, damaged);
    expect((await download(world.app, officer, id)).statusCode).toBe(500);

    const again = await upload(
      world.app,
      officer,
      { mandateId: world.mandateId, filename: "map (again).txt" },
      "text/plain",
      original,
    );
    expect(again.statusCode).toBe(201);
    const second = again.json() as { id: string };
    for (const attachmentId of [second.id, id]) {
      const got = await download(world.app, officer, attachmentId);
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(original)).toBe(true);
    }
  });

  it("a web page (text/html) is refused with a field error on its type, and nothing is stored", async () => {
    const before = {
      files: storedFiles(world.deps.config.dataDir),
      rows: await countAttachments(world.deps),
    };
    const page = Buffer.from("<script>alert(document.cookie)</script>");
    const res = await upload(
      world.app,
      officer,
      { mandateId: world.mandateId, filename: "evidence.html" },
      "text/html",
      page,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: "request.validation_failed", fields: { mimeType: { code: "field.invalid_value" } } },
    });
    expect(storedFiles(world.deps.config.dataDir)).toEqual(before.files);
    expect(await countAttachments(world.deps)).toBe(before.rows);
  });

  it("a file attached to a restricted interview is restricted to the same people", async () => {
    const client = await world.as("officer");
    const source = await client.post<{ id: string; restrictedTo: string[] }>("/api/v1/sources", {
      ...build.source(world.mandateId, { confidentiality: "internal" }),
      restrictedTo: [world.users.mandate_holder],
    });
    expect(source.status).toBe(201);
    const res = await upload(
      world.app,
      officer,
      { mandateId: world.mandateId, filename: "voice memo.txt", sourceId: source.body.id },
      "text/plain",
      Buffer.from("recorded in Seoul"),
    );
    expect(res.statusCode).toBe(201);
    const attachment = JSON.parse(res.body) as { id: string; restrictedTo: string[] };
    expect([...attachment.restrictedTo].sort()).toEqual([...source.body.restrictedTo].sort());
    const analyst = await world.as("analyst");
    expect((await analyst.get(`/api/v1/attachments/${attachment.id}`)).status).toBe(404);
  });

  it("an analyst cannot download a strictly confidential attachment, but can a confidential one", async () => {
    const secret = await upload(
      world.app,
      officer,
      { mandateId: world.mandateId, filename: "witness face.png", confidentiality: "strictly_confidential" },
      "image/png",
      png,
    );
    expect(secret.statusCode).toBe(201);
    const ordinary = await upload(
      world.app,
      officer,
      { mandateId: world.mandateId, filename: "street.png" },
      "image/png",
      png,
    );
    const analyst = await rawSession(world.app, "analyst@test.example");
    const denied = await download(world.app, analyst, (secret.json() as { id: string }).id);
    expect(denied.statusCode).toBe(404);
    expect(denied.rawPayload.includes(png)).toBe(false);
    const meta = await world.app.inject({
      method: "GET",
      url: `/api/v1/attachments/${(secret.json() as { id: string }).id}`,
      headers: { cookie: analyst.cookie },
    });
    expect(meta.statusCode).toBe(404);
    const allowed = await download(world.app, analyst, (ordinary.json() as { id: string }).id);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.rawPayload.equals(png)).toBe(true);
  });
});

describe.each(dialects)("the attachment size limit on %s", (dialect: DialectName) => {
  let deps: TestDeps;
  let app: FastifyInstance;
  let mandateId: string;
  let officer: RawSession;
  beforeAll(async () => {
    deps = await createTestDeps(dialect, { maxAttachmentBytes: 1024 });
    app = await buildApp(deps);
    mandateId = (
      await createMandate({
        db: deps.db,
        actor: null,
        input: { code: "small-files", nameEn: "Small files mandate", kind: "thematic" },
      })
    ).id;
    const user = await createUser({
      db: deps.db,
      actor: null,
      input: { email: "officer@test.example", displayName: "Officer", password: testPassword },
    });
    await setMembership({ db: deps.db, actor: null, mandateId, userId: user.id, role: "officer" });
    officer = await rawSession(app, "officer@test.example");
  });
  afterAll(async () => {
    await app?.close();
    await deps?.cleanup();
  });

  it("a file over the configured limit is refused with 413 and nothing is stored", async () => {
    for (const type of ["image/png", "text/plain", "application/pdf"]) {
      const res = await upload(app, officer, { mandateId, filename: "big.bin" }, type, Buffer.alloc(2048, 7));
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({
        error: { code: "request.too_large", fields: { file: { code: "field.file_too_large" } } },
      });
    }
    expect(storedFiles(deps.config.dataDir)).toEqual([]);
    expect(await countAttachments(deps)).toBe(0);
  });

  it("a file within the limit is accepted", async () => {
    const bytes = Buffer.alloc(1024, 7);
    const res = await upload(
      app,
      officer,
      { mandateId, filename: "small.bin" },
      "application/octet-stream",
      bytes,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sha256: sha256(bytes), size: 1024 });
  });
});
