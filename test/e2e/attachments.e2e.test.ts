import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  signInPage,
  startBrowserWorld,
} from "../support/e2e-world.js";
import type { TestDeps } from "../support/test-deps.js";

/** Small enough for the test to go over it quickly; large enough for every file the test means to attach. */
const maxAttachmentBytes = 64 * 1024;

/** A 1×1 PNG. */
const png = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082",
  "hex",
);
/** A one-page PDF, as small as a reader will open. */
const pdf = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj",
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj",
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj",
    "trailer<</Root 1 0 R>>",
    "%%EOF",
    "",
  ].join("\n"),
);
/** A list of places, dropped onto the page rather than chosen. */
const csv = Buffer.from("place,date\nOnsong,2016-05\n회령,2017\n");
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describeInBrowser("attaching files to a source in a real browser", () => {
  let deps: TestDeps;
  let base: string;
  let source: { id: string; title: string };

  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld({ maxAttachmentBytes });
    ({ deps, base } = world);
    const row = await deps.db
      .selectFrom("sources")
      .select(["id", "title"])
      .where("confidentiality", "=", "confidential")
      .where("restricted", "=", 0)
      .orderBy("title")
      .executeTakeFirstOrThrow();
    source = { id: row.id, title: row.title };
  });
  afterAll(async () => world?.close());

  const signIn = (email: string, language: "en" | "ko" = "en") => signInPage(world, email, language);

  /** The upload row of a file, once the server has answered for it. */
  const uploadRow = (page: Page, name: string) =>
    page.locator("li.upload", { has: page.locator("strong", { hasText: name }) });

  it("an officer chooses and drops files, sees each one's progress and SHA-256 verified, previews and downloads them", async () => {
    const page = await signIn("officer@demo.test");
    await page.getByRole("navigation").getByRole("link", { name: "Sources" }).click();
    await page.getByLabel("Search", { exact: true }).fill(source.title);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("link", { name: source.title, exact: true }).click();
    await page.getByRole("heading", { level: 2, name: /^Attachments/ }).waitFor();
    await page.getByText("No files attached yet.").waitFor();

    // Chosen with the file input, which is the keyboard's way in: it is reachable and named.
    const input = page.getByLabel("Choose files to attach");
    await input.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("file");
    expect(await page.locator(".dropzone").evaluate((zone) => getComputedStyle(zone).outlineStyle)).toBe(
      "solid",
    );
    await expect(
      input.getAttribute("aria-describedby").then((id) => page.locator(`[id="${id}"]`).textContent()),
    ).resolves.toMatch(/^Drop one or several files here, or choose them/);
    await input.setInputFiles([
      { name: "cell block.png", mimeType: "image/png", buffer: png },
      { name: "statement.pdf", mimeType: "application/pdf", buffer: pdf },
    ]);

    // Dropped: the same drop event a file manager sends, with the file in its DataTransfer.
    await page.locator(".dropzone").evaluate((zone, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "places.csv", { type: "text/csv" }));
      for (const type of ["dragenter", "dragover", "drop"])
        zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, csv.toString("utf8"));

    for (const [name, bytes] of [
      ["cell block.png", png],
      ["statement.pdf", pdf],
      ["places.csv", csv],
    ] as const) {
      const row = uploadRow(page, name);
      await row.getByText("Verified: the server recorded the same SHA-256.").waitFor();
      await expect(row.locator(".local-sha").textContent()).resolves.toBe(sha256(bytes));
      await expect(row.locator(".server-sha").textContent()).resolves.toBe(sha256(bytes));
      await expect(row.locator(".upload-state").textContent()).resolves.toBe("Sent (100%)");
      const progress = row.getByRole("progressbar", { name: `Upload of ${name}` });
      expect(await progress.evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([
        bytes.length,
        bytes.length,
      ]);
    }
    await expect(page.locator("section.attachments").getByRole("status").textContent()).resolves.toMatch(
      /attached; SHA-256 verified/,
    );

    // The files as stored: one record each, under this source, at the level chosen (confidential by default).
    const stored = await deps.db
      .selectFrom("attachments")
      .select(["filename", "sha256", "size", "mime_type", "source_id", "confidentiality"])
      .where("source_id", "=", source.id)
      .orderBy("filename")
      .execute();
    expect(stored).toEqual([
      {
        filename: "cell block.png",
        sha256: sha256(png),
        size: png.length,
        mime_type: "image/png",
        source_id: source.id,
        confidentiality: "confidential",
      },
      {
        filename: "places.csv",
        sha256: sha256(csv),
        size: csv.length,
        mime_type: "text/csv",
        source_id: source.id,
        confidentiality: "confidential",
      },
      {
        filename: "statement.pdf",
        sha256: sha256(pdf),
        size: pdf.length,
        mime_type: "application/pdf",
        source_id: source.id,
        confidentiality: "confidential",
      },
    ]);

    // The list: size in words, type, the SHA-256 shortened with its full value a click away.
    const list = page.locator("ul.attachment-list > li");
    await expect.poll(() => list.count()).toBe(3);
    const item = list.filter({ has: page.getByRole("link", { name: "cell block.png", exact: true }) });
    await expect(item.locator(".attachment-facts").textContent()).resolves.toContain(`${png.length} bytes`);
    await expect(item.locator(".attachment-facts").textContent()).resolves.toContain("image/png");
    await expect(item.locator("summary").textContent()).resolves.toContain(`${sha256(png).slice(0, 12)}…`);
    await item.locator("summary").click();
    await expect(item.locator(".hash-full").textContent()).resolves.toBe(sha256(png));

    // The preview is shown on request (each load is an audited read) and is the image itself.
    await item.getByRole("button", { name: "Show preview cell block.png" }).click();
    const image = item.getByRole("img", { name: "cell block.png" });
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1);
    const pdfItem = list.filter({ has: page.getByRole("link", { name: "statement.pdf", exact: true }) });
    await pdfItem.getByRole("button", { name: "Show preview statement.pdf" }).click();
    const pdfViewer = await page.evaluate(() => navigator.pdfViewerEnabled);
    if (pdfViewer) await pdfItem.locator("iframe[title='Preview of statement.pdf']").waitFor();
    else
      await pdfItem
        .getByText("This browser cannot show PDF files in the page; download the file to read it.")
        .waitFor();

    // The download link gives back the very bytes sent.
    const pngHref = await item.getByRole("link", { name: "Download cell block.png" }).getAttribute("href");
    const pngFetched = await page.request.get(`${base}${pngHref}`);
    expect(pngFetched.headers()["content-disposition"]).toContain("cell%20block.png");
    expect(Buffer.from(await pngFetched.body()).equals(png)).toBe(true);
    const href = await pdfItem.getByRole("link", { name: "Download statement.pdf" }).getAttribute("href");
    const fetched = await page.request.get(`${base}${href}`);
    expect(fetched.status()).toBe(200);
    expect(fetched.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(Buffer.from(await fetched.body()).equals(pdf)).toBe(true);

    await expectAccessible(page, "source-attachments-en");

    // The attachment's own page shows the same preview and download.
    const pageHref = await item
      .getByRole("link", { name: "cell block.png", exact: true })
      .getAttribute("href");
    expect(pageHref).toMatch(/^\/app\/attachments\//);
    await page.goto(`${base}${pageHref}`);
    await page.getByRole("heading", { level: 1, name: "cell block.png" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Preview" }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole("img", { name: "cell block.png" })
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBe(1);
    const [again] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download cell block.png" }).click(),
    ]);
    expect(readFileSync(await again.path()).equals(png)).toBe(true);
    await expectAccessible(page, "attachment-en");
    await page.context().close();
  });

  it("a web page and a file over the size limit are refused with a clear message, and nothing is stored", async () => {
    const page = await signIn("officer@demo.test");
    await page.goto(`${base}/app/sources/${source.id}`);
    await page.getByRole("heading", { level: 2, name: /^Attachments/ }).waitFor();
    const before = await deps.db.selectFrom("attachments").select("id").execute();
    await page.getByLabel("Choose files to attach").setInputFiles([
      { name: "evidence.html", mimeType: "text/html", buffer: Buffer.from("<script>alert(1)</script>") },
      {
        name: "video.bin",
        mimeType: "application/octet-stream",
        buffer: Buffer.alloc(maxAttachmentBytes * 2, 7),
      },
    ]);
    const html = uploadRow(page, "evidence.html").getByRole("alert");
    await html.waitFor();
    await expect(html.textContent()).resolves.toMatch(
      /^evidence\.html: this type of file \(text\/html\) is not accepted\. Must be one of: application\/pdf, image\/png/,
    );
    const big = uploadRow(page, "video.bin").getByRole("alert");
    await big.waitFor();
    await expect(big.textContent()).resolves.toBe("video.bin is larger than this server accepts.");
    await expect(uploadRow(page, "evidence.html").locator(".upload-state").textContent()).resolves.toBe(
      "Not attached",
    );
    expect(await deps.db.selectFrom("attachments").select("id").execute()).toEqual(before);
    await expectAccessible(page, "source-attachments-refused-en");
    await page.context().close();
  });

  it("in Korean, the panel, its messages and a refusal read in Korean and are accessible", async () => {
    const page = await signIn("officer@demo.test", "ko");
    await page.goto(`${base}/app/sources/${source.id}`);
    await page.getByRole("heading", { level: 2, name: /^첨부 파일/ }).waitFor();
    await expect.poll(() => page.locator("ul.attachment-list > li").count()).toBe(3);
    // The file input takes the keyboard focus and accepts several files at once.
    const input = page.getByLabel("첨부할 파일 선택");
    await input.focus();
    await expect(
      input.evaluate((el) => el === document.activeElement && (el as HTMLInputElement).multiple),
    ).resolves.toBe(true);
    await input.setInputFiles([
      { name: "증언.png", mimeType: "image/png", buffer: png },
      { name: "페이지.html", mimeType: "text/html", buffer: Buffer.from("<p>x</p>") },
    ]);
    await uploadRow(page, "증언.png").getByText("확인됨: 서버에 같은 SHA-256이 기록되었습니다.").waitFor();
    const refused = uploadRow(page, "페이지.html").getByRole("alert");
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toMatch(
      /^페이지\.html: 이 형식의 파일\(text\/html\)은 받을 수 없습니다\. 다음 중 하나여야 합니다:/,
    );
    await expect.poll(() => page.locator("ul.attachment-list > li").count()).toBe(4);
    const item = page
      .locator("ul.attachment-list > li")
      .filter({ has: page.getByRole("link", { name: "증언.png", exact: true }) });
    await expect(item.locator(".attachment-facts").textContent()).resolves.toContain(`${png.length}바이트`);
    await item.getByRole("button", { name: "미리보기 표시 증언.png" }).click();
    await item.getByRole("img", { name: "증언.png" }).waitFor();
    await expectAccessible(page, "source-attachments-ko");
    await page.context().close();
  });

  it("a reader sees the files and can download them, but is not offered adding any", async () => {
    const page = await signIn("readonly@demo.test");
    await page.goto(`${base}/app/sources/${source.id}`);
    await page.getByRole("heading", { level: 2, name: /^Attachments/ }).waitFor();
    await expect.poll(() => page.locator("ul.attachment-list > li").count()).toBe(4);
    expect(await page.getByLabel("Choose files to attach").count()).toBe(0);
    await page.getByRole("link", { name: "Download places.csv" }).waitFor();
    await page.context().close();
  });
});
