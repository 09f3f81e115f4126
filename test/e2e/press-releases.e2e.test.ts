import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiClient, signIn as apiSignIn } from "../support/api-client.js";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  poll,
  signInPage,
  startBrowserWorld,
} from "../support/e2e-world.js";
import { build, createVia } from "../support/factories.js";
import { tinyPng } from "../support/images.js";

interface PressRelease {
  id: string;
  status: string;
  confidentiality: string;
  publishedAt: string | null;
}

/** The status the lifecycle panel shows. */
const releaseStatus = (page: Page) => page.locator(".press-release-lifecycle .press-release-status");
const currentStep = (page: Page, name: string) =>
  page.getByRole("list", { name }).locator('[aria-current="step"]').textContent();

describeInBrowser("press releases in the browser", () => {
  let world: BrowserWorld;
  let officer: ApiClient;
  let mandateId: string;
  beforeAll(async () => {
    world = await startBrowserWorld();
    officer = await apiSignIn(world.app, "officer@demo.test", world.deps.config.demoPassword);
    mandateId = (await officer.get<{ items: { id: string }[] }>("/api/v1/mandates")).body.items[0]?.id ?? "";
  });
  afterAll(async () => world?.close());

  it("the mandate holder writes a release in English and Korean side by side, submits and publishes it", async () => {
    const page = await signInPage(world, "holder@demo.test");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Press releases", exact: true })
      .click();
    await page.getByRole("heading", { level: 1, name: "Press releases" }).waitFor();
    // The demo's published releases are listed with their status.
    await page.getByRole("link", { name: /forced return of women to the DPRK/ }).waitFor();
    await expectAccessible(page, "press-releases-list-en");
    await page.getByRole("link", { name: "New press release" }).click();
    await page.getByRole("heading", { level: 1, name: "New press release" }).waitFor();

    await page.getByLabel("Dateline").fill("Geneva");
    const english = page.getByRole("group", { name: "English" });
    const korean = page.getByRole("group", { name: "Korean" });
    await english.getByLabel("Title (English)").fill("UN expert welcomes the release of detained women");
    await english
      .getByLabel("Summary (English)")
      .fill("The Special Rapporteur welcomes the release of three women held near the border.");
    await english
      .getByLabel("Text (English)")
      .fill(
        "GENEVA — The Special Rapporteur **welcomed** the release.\n\n## Background\n\nThe women were held for weeks.",
      );
    await korean.getByLabel("Title (Korean)").fill("유엔 특별보고관, 구금 여성 석방 환영");
    await korean.getByLabel("Text (Korean)").fill("제네바 — 특별보고관은 석방을 **환영**했다.");
    // English on the left, Korean on the right, each field facing its translation.
    const en = await english.getByLabel("Title (English)").boundingBox();
    const ko = await korean.getByLabel("Title (Korean)").boundingBox();
    expect(en && ko && ko.x > en.x + en.width && Math.abs(ko.y - en.y) < 2).toBe(true);
    expect(await korean.getByLabel("Text (Korean)").getAttribute("lang")).toBe("ko");
    await expectAccessible(page, "press-release-new-en");
    await page.getByRole("button", { name: "Create" }).click();

    await page
      .getByRole("heading", { level: 1, name: "UN expert welcomes the release of detained women" })
      .waitFor();
    const id = page.url().split("/").pop() ?? "";
    const steps = "Steps of the press release";
    await poll(() => currentStep(page, steps)).toBe("Draft");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await poll(() => currentStep(page, steps)).toBe("In review");
    await page.getByRole("button", { name: "Publish now" }).click();
    // Going public asks first, and the confirmation has the focus.
    const confirm = page.getByRole("button", { name: "Yes, publish it" });
    await poll(() => confirm.evaluate((b) => b === document.activeElement)).toBe(true);
    await confirm.click();
    await poll(() => releaseStatus(page).textContent()).toBe("Published");
    await poll(() => currentStep(page, steps)).toBe("Published");
    // The text is fixed now, and the preview shows it in either language.
    expect(await page.getByLabel("Title (English)").getAttribute("readonly")).not.toBeNull();
    const frame = page.locator(".press-release-preview iframe");
    expect(await frame.getAttribute("src")).toBe(`/api/v1/press-releases/${id}/preview?lang=en`);
    await page
      .getByRole("group", { name: "Language of the preview" })
      .getByRole("button", { name: "Korean" })
      .click();
    await poll(() => frame.getAttribute("src")).toBe(`/api/v1/press-releases/${id}/preview?lang=ko`);
    await expectAccessible(page, "press-release-published-en");

    const stored = await officer.get<PressRelease>(`/api/v1/press-releases/${id}`);
    expect(stored.body).toMatchObject({ status: "published", confidentiality: "public" });

    const koPage = await signInPage(world, "holder@demo.test", "ko");
    await koPage.goto(page.url());
    await poll(() => releaseStatus(koPage).textContent()).toBe("공개됨");
    await koPage.getByRole("heading", { level: 1, name: "유엔 특별보고관, 구금 여성 석방 환영" }).waitFor();
    await expectAccessible(koPage, "press-release-published-ko");
    await koPage.context().close();
    await page.context().close();
  });

  it("the mandate holder edits the mandate's about text, English and Korean side by side", async () => {
    const page = await signInPage(world, "holder@demo.test");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "About the mandate" })
      .click();
    await page.getByRole("heading", { level: 1, name: "About the mandate" }).waitFor();
    const about = page.getByLabel("About the mandate (Korean)");
    await poll(() => about.inputValue()).toContain("2004/13");
    await about.fill("특별보고관은 2004년 유엔 인권위원회 결의 2004/13으로 설치된 위임사항을 수행합니다.");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").getByText("Saved.").waitFor();
    await expectAccessible(page, "mandate-about-en");
    const stored = await officer.get<{ aboutKo: string }>(`/api/v1/mandates/${mandateId}`);
    expect(stored.body.aboutKo).toContain("결의 2004/13으로");
    await page.context().close();
  });

  it("an analyst sees the problem next to the field, in Korean, and is offered no publishing", async () => {
    const draft = await createVia<PressRelease>(officer, "press-releases", build.pressRelease(mandateId));
    const page = await signInPage(world, "analyst@demo.test", "ko");
    await page.goto(`${world.base}/app/press-releases/${draft.id}`);
    await page.getByRole("button", { name: "검토 요청" }).waitFor();
    await page.getByLabel("본문(한국어)").fill("");
    await page.getByRole("button", { name: "저장" }).click();
    const body = page.getByLabel("본문(한국어)");
    await poll(() => body.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await body.getAttribute("aria-describedby")) ?? "";
    await expect(page.locator(`[id="${describedBy.split(" ")[0]}"]`).textContent()).resolves.toBe(
      "필수 항목입니다.",
    );
    await page.getByLabel("본문(한국어)").fill("제네바 — 고친 본문.");
    await page.getByRole("button", { name: "저장" }).click();
    await page.getByRole("button", { name: "검토 요청" }).click();
    await poll(() => releaseStatus(page).textContent()).toBe("검토 중");
    expect(await page.getByRole("button", { name: "지금 공개" }).count()).toBe(0);
    await expectAccessible(page, "press-release-analyst-ko");
    await page.context().close();
  });

  it("an image goes into the English text with its alternative text, shows in the preview, then on the portal", async () => {
    const draft = await createVia<PressRelease & { slug: string }>(
      officer,
      "press-releases",
      build.pressRelease(mandateId),
    );
    const alt = "A map of the border crossing at Hoeryong";
    const page = await signInPage(world, "holder@demo.test");
    await page.goto(`${world.base}/app/press-releases/${draft.id}`);
    const english = page.getByRole("group", { name: "English" });
    const control = english.getByRole("group", { name: "Insert an image" });
    await control.getByLabel("Image file").setInputFiles({
      name: "border map.png",
      mimeType: "image/png",
      buffer: tinyPng,
    });
    // The alternative text is required: without it, the problem shows next to it and nothing is sent.
    await control.getByRole("button", { name: "Insert image" }).click();
    const altText = control.getByLabel("Alternative text (required)");
    await poll(() => altText.getAttribute("aria-invalid")).toBe("true");
    await control.getByText("Describe the image: the alternative text is required.").waitFor();
    await altText.fill(alt);
    await control.getByRole("button", { name: "Insert image" }).click();
    await control.getByText("The image is in the text. Save to see it in the preview.").waitFor();
    const body = english.getByLabel("Text (English)");
    // Under the release's text, as a paragraph of its own (the cursor was never in the text).
    await poll(() => body.inputValue()).toContain(
      `**urged** China to halt the forced return of women.\n\n![${alt}](image:`,
    );
    await expectAccessible(page, "press-release-image-en");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").getByText("Saved.").waitFor();

    // The preview shows the saved text, the image loaded from the staff address.
    const frame = page.locator(".press-release-preview iframe");
    const previewImage = () =>
      frame.evaluate((f: HTMLIFrameElement) => {
        const img = f.contentDocument?.querySelector<HTMLImageElement>(".body img");
        return { width: img?.complete ? img.naturalWidth : 0, alt: img?.getAttribute("alt") };
      });
    await poll(async () => (await previewImage()).width).toBeGreaterThan(0);
    expect((await previewImage()).alt).toBe(alt);

    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.getByRole("button", { name: "Publish now" }).click();
    await page.getByRole("button", { name: "Yes, publish it" }).click();
    await poll(() => releaseStatus(page).textContent()).toBe("Published");
    await page.goto(`${world.base}/en/press-releases/${draft.slug}`);
    const shown = page.locator("article .body img");
    await poll(() =>
      shown.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)),
    ).toBeGreaterThan(0);
    expect(await shown.getAttribute("alt")).toBe(alt);
    expect(await shown.getAttribute("src")).toMatch(/^\/media\/[\w-]+$/);
    await page.context().close();
  });
});
