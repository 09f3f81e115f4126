import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signIn as apiSignIn } from "../support/api-client.js";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  signInPage,
  startBrowserWorld,
} from "../support/e2e-world.js";

// In the demo, "구금" (detention) is written inside longer words (구금되어) in interview summaries, and names the
// act type "Detention, imprisonment" (HURIDOCS 030102000000, 구금, 투옥), whose acts are mostly in North Hamgyong.
const word = "구금";
const detention = "030102000000";
// Only the title of the demo's strictly confidential telephone call with a witness about her detained sister.
const strictlyConfidentialWord = "telephone";

const addressOf = (page: Page) => new URL(page.url()).searchParams;

/** The status line of the results, once it counts them: "35 results". */
const countText = async (page: Page) => {
  const status = page.locator(".result-count");
  await status.filter({ hasText: /\d/ }).waitFor();
  return (await status.textContent()) ?? "";
};

/** Waits until the results are no longer loading. */
const settled = (page: Page) => page.locator('.search-results[aria-busy="false"]').waitFor();

describeInBrowser("searching a mandate's records", () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => world?.close());

  it("an officer finds a Korean word inside longer words, narrows by act type and province, opens a hit and comes back to the same search, reads it in Korean and saves it", async () => {
    const page = await signInPage(world, "officer@demo.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
    await page.getByRole("heading", { level: 1, name: "Search" }).waitFor();
    await page.getByText("Type in Korean or English.").waitFor();

    await page.getByRole("searchbox", { name: "Search" }).fill(word);
    await page.waitForURL((url) => url.searchParams.get("q") === word);
    await settled(page);
    const results = page.getByRole("region", { name: "Results" });
    const all = Number((await countText(page)).replace(/\D/g, ""));
    expect(all).toBeGreaterThan(20);
    // Newest first brings the interviews of 2018 up; the word is marked inside a longer word, from the API's offsets.
    await page.getByLabel("Sort by").selectOption("date_desc");
    await page.waitForURL((url) => url.searchParams.get("sort") === "date_desc");
    await settled(page);
    const marked = results.locator(".hit", { has: page.locator("mark") }).first();
    await marked.waitFor();
    await expect(marked.locator("mark").first().textContent()).resolves.toBe(word);
    await results
      .locator(".hit", { hasText: "구금되어" })
      .locator("mark", { hasText: word })
      .first()
      .waitFor();
    await expect(page.getByRole("link", { name: "Export CSV" }).count()).resolves.toBe(1);
    await expectAccessible(page, "search-highlights-en");

    // Narrow by an act type of the tree (shown under its broader types), then by a province.
    const facets = page.getByRole("complementary", { name: "Filters" });
    const actTypes = facets.getByRole("group", { name: "Type of act" });
    await actTypes.getByRole("checkbox", { name: /Violations against the right to liberty/ }).waitFor();
    await actTypes.getByRole("checkbox", { name: /^Detention, imprisonment/ }).check();
    await page.waitForURL((url) => url.searchParams.get("actType") === detention);
    // The count changes once the narrowed results have arrived (a busy flag may still show the previous ones).
    await expect
      .poll(async () => Number((await countText(page)).replace(/\D/g, "")), { timeout: 15_000 })
      .toBeLessThan(all);
    await settled(page);
    const acts = Number((await countText(page)).replace(/\D/g, ""));
    await expect
      .poll(async () => new Set(await results.locator(".type-badge").allTextContents()), { timeout: 15_000 })
      .toEqual(new Set(["Act"]));

    const province = facets
      .getByRole("group", { name: "Province" })
      .getByRole("checkbox", { name: /North Hamgyong/ });
    await province.check();
    await page.waitForURL((url) => Boolean(url.searchParams.get("province")));
    await settled(page);
    const inProvince = Number((await countText(page)).replace(/\D/g, ""));
    expect(inProvince).toBeGreaterThan(0);
    expect(inProvince).toBeLessThanOrEqual(acts);
    // Counties of the chosen province are offered next.
    await facets.getByRole("group", { name: "County or city" }).getByRole("checkbox").first().waitFor();

    // Pages of twenty, by position, in the address too.
    const pages = page.getByRole("navigation", { name: "Pages of results" });
    await pages.getByText(`1–20 of ${inProvince}`).waitFor();
    await pages.getByRole("button", { name: "Next page" }).click();
    await page.waitForURL((url) => url.searchParams.get("offset") === "20");
    await pages.getByText(`21–${Math.min(40, inProvince)} of ${inProvince}`).waitFor();
    await pages.getByRole("button", { name: "Previous page" }).click();
    await page.waitForURL((url) => !url.searchParams.get("offset"));
    await pages.getByText(`1–20 of ${inProvince}`).waitFor();

    const address = addressOf(page);
    expect(address.get("q")).toBe(word);
    expect(address.get("actType")).toBe(detention);
    const provinceId = address.get("province");
    expect(provinceId).toMatch(/^[\w-]{20,}$/);
    const searchUrl = page.url();

    await expectAccessible(page, "search-en");

    // A date the API refuses is explained next to the field, in the reader's language.
    await facets.getByLabel("From").fill("2016-13");
    await facets.getByRole("button", { name: "Apply dates" }).click();
    const dateError = facets.locator("#search-dateFrom-error");
    await dateError.waitFor();
    await expect(dateError.textContent()).resolves.toContain("YYYY-MM-DD");
    await expect(facets.getByLabel("From").getAttribute("aria-invalid")).resolves.toBe("true");
    await facets.getByLabel("From").fill("");
    await facets.getByRole("button", { name: "Apply dates" }).click();
    await page.waitForURL((url) => !url.searchParams.get("dateFrom"));
    await settled(page);
    expect(page.url()).toBe(searchUrl);

    // Open a hit: its record page loads; back returns to the same search.
    const first = results.getByRole("listitem").first().getByRole("link");
    const href = (await first.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/app\/acts\/[\w-]+$/);
    await first.click();
    await page.waitForURL((url) => url.pathname === href);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByRole("main").getByText(detention).first().waitFor();
    await page.goBack();
    await page.waitForURL(searchUrl);
    await settled(page);
    await expect(page.getByRole("searchbox", { name: "Search" }).inputValue()).resolves.toBe(word);
    await expect(
      actTypes.getByRole("checkbox", { name: /^Detention, imprisonment/ }).isChecked(),
    ).resolves.toBe(true);
    await expect(province.isChecked()).resolves.toBe(true);
    expect(Number((await countText(page)).replace(/\D/g, ""))).toBe(inProvince);

    // In Korean, the facets are labelled from the vocabularies and the gazetteer in Korean.
    await page.getByLabel("Language").selectOption("ko");
    await page.getByRole("heading", { level: 1, name: "검색" }).waitFor();
    const facetsKo = page.getByRole("complementary", { name: "필터" });
    const actTypesKo = facetsKo.getByRole("group", { name: "행위 유형" });
    await actTypesKo.getByRole("checkbox", { name: /^구금, 투옥/ }).waitFor();
    await expect(actTypesKo.getByRole("checkbox", { name: /^구금, 투옥/ }).isChecked()).resolves.toBe(true);
    await actTypesKo.getByRole("checkbox", { name: /신체의 자유 침해/ }).waitFor();
    await expect(
      facetsKo
        .getByRole("group", { name: "도" })
        .getByRole("checkbox", { name: /함경북도/ })
        .isChecked(),
    ).resolves.toBe(true);
    await page.locator(".result-count", { hasText: /결과 \d+건/ }).waitFor();
    await settled(page);
    await expectAccessible(page, "search-ko");

    // Save the search: it is listed by name and brings the same filters back.
    await page.getByLabel("이 검색의 이름").fill("함경북도 구금");
    await page.getByRole("button", { name: "이 검색 저장" }).click();
    const saved = page.getByRole("region", { name: "저장된 검색" });
    const link = saved.getByRole("link", { name: "함경북도 구금" });
    await link.waitFor();
    const kept = new URL((await link.getAttribute("href")) ?? "", world.base).searchParams;
    expect(kept.get("q")).toBe(word);
    expect(kept.get("actType")).toBe(detention);
    expect(kept.get("province")).toBe(provinceId);

    await facetsKo.getByRole("button", { name: "필터 지우기" }).click();
    await page.waitForURL((url) => !url.searchParams.get("actType"));
    await link.click();
    await page.waitForURL((url) => url.searchParams.get("actType") === detention);
    await settled(page);
    await expect(actTypesKo.getByRole("checkbox", { name: /^구금, 투옥/ }).isChecked()).resolves.toBe(true);

    await saved.getByRole("button", { name: "저장된 검색 “함경북도 구금” 삭제" }).click();
    await saved.getByText("저장된 검색이 아직 없습니다.").waitFor();
    await page.context().close();
  });

  it("a read-only member has no export, a word only in a strictly confidential record finds nothing, and a press release is found as one", async () => {
    // The word is there: an officer who may read the record finds it.
    const officer = await apiSignIn(world.app, "officer@demo.test", world.deps.config.demoPassword);
    const mandateId = (await officer.get<{ items: { id: string }[] }>("/api/v1/mandates")).body.items[0]?.id;
    const found = await officer.get<{ total: number; items: { confidentiality: string }[] }>(
      `/api/v1/search?mandateId=${mandateId}&q=${strictlyConfidentialWord}`,
    );
    expect(found.body.total).toBeGreaterThan(0);
    expect(found.body.items.every((i) => i.confidentiality === "strictly_confidential")).toBe(true);

    const page = await signInPage(world, "readonly@demo.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
    await page.getByRole("heading", { level: 1, name: "Search" }).waitFor();
    await settled(page);
    await countText(page);
    await expect(page.getByRole("link", { name: "Export CSV" }).count()).resolves.toBe(0);

    await page.getByRole("searchbox", { name: "Search" }).fill(strictlyConfidentialWord);
    await page.waitForURL((url) => url.searchParams.get("q") === strictlyConfidentialWord);
    await settled(page);
    await page.locator(".result-count", { hasText: "0 results" }).waitFor();
    await page.getByText("No records match this search.").waitFor();
    await expect(page.getByRole("region", { name: "Results" }).locator(".hit").count()).resolves.toBe(0);
    await expectAccessible(page, "search-readonly-en");

    // Press releases are found too, named as such, dated by their day, and linked to their page.
    await page.goto(
      `${world.base}/app/search?q=${encodeURIComponent("General Assembly")}&type=press_release`,
    );
    await settled(page);
    const release = page
      .getByRole("region", { name: "Results" })
      .locator(".hit", { hasText: "UN expert presents his report to the General Assembly" });
    await release.waitFor();
    await expect(release.locator(".type-badge").textContent()).resolves.toBe("Press release");
    await expect(release.locator(".hit-meta").textContent()).resolves.toContain("October 26, 2017");
    await expect(release.getByRole("link").getAttribute("href")).resolves.toMatch(/^\/app\/press-releases\//);
    await page
      .getByRole("complementary", { name: "Filters" })
      .getByRole("checkbox", { name: /^Press releases/ })
      .waitFor();
    await page.context().close();
  });
});
