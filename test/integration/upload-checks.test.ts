import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { allowedMimeTypes } from "../../src/server/modules/attachments/attachments.schemas.js";
import { createMandate, setMembership } from "../../src/server/modules/mandates/mandates.usecases.js";
import { createUser } from "../../src/server/modules/users/users.usecases.js";
import { checkedTypes } from "../../src/server/platform/storage/file-type.js";
import { type ApiClient, signIn } from "../support/api-client.js";
import { tinyJpeg, tinyPng } from "../support/images.js";
import { createTestDeps, type DialectName, dialects, type TestDeps } from "../support/test-deps.js";
import { createWorld, testPassword, type World } from "../support/world.js";

const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const odtType = "application/vnd.oasis.opendocument.text";

/** One small, well-formed file of each accepted type, as the tools that make them write them. */
async function samples(): Promise<Record<string, Buffer>> {
  const docx = await Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph("Statement")] }] }),
  );
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Incidents").addRow(["date", "place"]);
  const xlsx = Buffer.from(await book.xlsx.writeBuffer());
  const odt = new JSZip();
  odt.file("mimetype", odtType, { compression: "STORE" });
  odt.file("content.xml", "<office:document-content/>");
  const wavHeader = Buffer.alloc(44);
  wavHeader.write("RIFF", 0, "latin1");
  wavHeader.writeUInt32LE(36, 4);
  wavHeader.write("WAVEfmt ", 8, "latin1");
  return {
    "application/pdf": Buffer.from(
      "%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    ),
    "image/png": tinyPng,
    "image/jpeg": tinyJpeg,
    "image/gif": Buffer.from("474946383961010001000000002c00000000010001000002024401003b", "hex"),
    "image/webp": Buffer.from("524946461a000000574542505650384c0d0000002f0000001007101111888808", "hex"),
    "audio/mpeg": Buffer.concat([Buffer.from("ID3\x04\x00\x00\x00\x00\x00\x00", "latin1"), Buffer.alloc(32)]),
    "audio/ogg": Buffer.concat([Buffer.from("OggS\x00\x02", "latin1"), Buffer.alloc(32)]),
    "audio/wav": wavHeader,
    "audio/mp4": Buffer.concat([
      Buffer.from("\x00\x00\x00\x18ftypM4A \x00\x00\x00\x00", "latin1"),
      Buffer.alloc(8),
    ]),
    "video/mp4": Buffer.concat([
      Buffer.from("\x00\x00\x00\x18ftypisom\x00\x00\x02\x00", "latin1"),
      Buffer.alloc(8),
    ]),
    "text/plain": Buffer.from("면담 기록, 2017-07-18\nInterview notes\tYanji\r\n"),
    "text/csv": Buffer.from("date,place\n2017-07-18,Yanji\n"),
    [docxType]: docx,
    [xlsxType]: xlsx,
    [odtType]: await odt.generateAsync({ type: "nodebuffer" }),
    "application/octet-stream": Buffer.from([0, 1, 2, 3, 255]),
  };
}

/** The files in the blob store (the temporary file of an upload in progress included). */
function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, "attachments");
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) =>
    statSync(path.join(root, f)).isFile(),
  );
}

/** The first bytes of a Windows program. */
const program = Buffer.from("4d5a90000300000004000000ffff0000", "hex");

describe.each(dialects)("upload checks on %s", (dialect: DialectName) => {
  let world: World;
  let officer: ApiClient;
  let files: Record<string, Buffer>;
  const send = (type: string, bytes: Buffer, filename = "file", headers: Record<string, string> = {}) =>
    officer.request<{
      id: string;
      error: { code: string; message: string; fields: Record<string, { code: string; message: string }> };
    }>(
      "POST",
      `/api/v1/attachments?mandateId=${world.mandateId}&filename=${encodeURIComponent(filename)}`,
      bytes,
      { "content-type": type, ...headers },
    );
  beforeAll(async () => {
    world = await createWorld(dialect);
    officer = await world.as("officer");
    files = await samples();
  });
  afterAll(async () => {
    await world?.close();
  });

  it("every accepted type has a check of its content", () => {
    expect([...allowedMimeTypes].sort()).toEqual([...checkedTypes].sort());
  });

  it("a real file of every accepted type is accepted and stored byte for byte", async () => {
    for (const type of allowedMimeTypes) {
      const bytes = files[type];
      expect(bytes, type).toBeDefined();
      const res = await send(type, bytes as Buffer, `sample-${type.replace(/\W+/g, "-")}`);
      expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(201);
      const got = await officer.get(`/api/v1/attachments/${res.body.id}/content`);
      expect(got.raw.rawPayload.equals(bytes as Buffer), type).toBe(true);
    }
  });

  it("a file whose bytes are not the type it was sent as is refused naming the file, and nothing is stored", async () => {
    const page = Buffer.from("<!doctype html><script>fetch('/api/v1/persons')</script>");
    const linuxProgram = Buffer.from("7f454c46020101000000000000000000", "hex");
    const disguised: [string, Buffer][] = [
      ["image/png", page],
      ["image/jpeg", tinyPng],
      ["image/gif", tinyJpeg],
      ["image/webp", Buffer.from("RIFF\x1a\x00\x00\x00WAVEfmt ", "latin1")],
      ["application/pdf", page],
      ["audio/mpeg", linuxProgram],
      ["audio/ogg", page],
      ["audio/wav", files["image/webp"] as Buffer],
      ["audio/mp4", page],
      ["video/mp4", program],
      [docxType, files[xlsxType] as Buffer],
      [xlsxType, files[docxType] as Buffer],
      [odtType, files[docxType] as Buffer],
      [docxType, Buffer.from("PK\x03\x04 not really a document", "latin1")],
    ];
    const before = storedFiles(world.deps.config.dataDir).length;
    for (const [type, bytes] of disguised) {
      const res = await send(type, bytes, "evidence");
      expect(res.status, type).toBe(400);
      expect(res.body.error.code, type).toBe("request.validation_failed");
      expect(res.body.error.fields.file, type).toEqual({
        code: "field.content_mismatch",
        message: `The file's content is not of the type it was sent as (${type}): choose the right file.`,
      });
    }
    const korean = await send("image/png", page, "evidence", { "accept-language": "ko" });
    expect(korean.body.error.fields.file?.message).toBe(
      "파일 내용이 보낸 형식(image/png)과 다릅니다. 올바른 파일을 선택하십시오.",
    );
    expect(storedFiles(world.deps.config.dataDir).length).toBe(before);
  });

  it("text holding binary bytes is refused; text in a legacy Korean encoding is not", async () => {
    for (const [type, bytes] of [
      ["text/plain", Buffer.from("notes\u0000\u0000\u0000")],
      ["text/csv", Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00])],
      ["text/plain", program],
    ] as const) {
      const res = await send(type, bytes);
      expect(res.status, type).toBe(400);
      expect(res.body.error.fields.file?.code).toBe("field.not_text");
    }
    const eucKr = Buffer.from([0xc8, 0xb8, 0xb7, 0xc9, 0xbf, 0xa1, 0xbc, 0xad, 0x0d, 0x0a]);
    expect((await send("text/plain", eucKr, "statement.txt")).status).toBe(201);
  });
});

describe.each(dialects)("the attachment size limit on %s", (dialect: DialectName) => {
  let deps: TestDeps;
  let app: FastifyInstance;
  let officer: ApiClient;
  let mandateId: string;
  beforeAll(async () => {
    deps = await createTestDeps(dialect, { maxAttachmentBytes: 1000 });
    app = await buildApp(deps);
    mandateId = (
      await createMandate({
        db: deps.db,
        actor: null,
        input: { code: "limits", nameEn: "Limits", kind: "thematic" },
      })
    ).id;
    const user = await createUser({
      db: deps.db,
      actor: null,
      input: { email: "officer@test.example", displayName: "Officer", password: testPassword },
    });
    await setMembership({ db: deps.db, actor: null, mandateId, userId: user.id, role: "officer" });
    officer = await signIn(app, "officer@test.example", testPassword);
  });
  afterAll(async () => {
    await app?.close();
    await deps?.cleanup();
  });

  it("a file over the limit is refused with 413 naming the file and the limit, in the uploader's language", async () => {
    const url = `/api/v1/attachments?mandateId=${mandateId}&filename=recording.mp3`;
    const big = Buffer.concat([Buffer.from("ID3", "latin1"), Buffer.alloc(1998)]);
    for (const [language, message, field] of [
      ["en", "The request body is too large.", "The file is larger than the limit of 1000 bytes."],
      ["ko", "요청 본문이 너무 큽니다.", "파일이 제한 크기 1000바이트보다 큽니다."],
    ] as const) {
      const res = await officer.request("POST", url, big, {
        "content-type": "audio/mpeg",
        "accept-language": language,
      });
      expect(res.status).toBe(413);
      expect(res.body).toEqual({
        error: {
          code: "request.too_large",
          message,
          fields: { file: { code: "field.file_too_large", message: field } },
        },
      });
    }
    expect(storedFiles(deps.config.dataDir)).toEqual([]);
    const fits = await officer.request("POST", url, big.subarray(0, 1000), { "content-type": "audio/mpeg" });
    expect(fits.status).toBe(201);
  });
});
