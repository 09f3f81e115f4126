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

// The demo's acts of "Detention, imprisonment" (HURIDOCS 030102000000, 구금, 투옥) are mostly in North Hamgyong,
// spread over several of its counties; its broadest type is "Violations against the right to liberty".
const detention = "030102000000";
const liberty = { en: "Violations against the right to liberty", ko: "신체의 자유 침해" };

interface PlaceCount {
  value: string;
  count: number;
  label: Record<string, string>;
}
interface SearchAnswer {
  total: number;
  facets: { recordType: { value: string; count: number }[]; county: PlaceCount[] };
}
interface OverTime {
  total: number;
  undated: number;
  series: { key: string | null; total: number }[];
}

const settled = (page: Page) => page.locator('.search-results[aria-busy="false"]').waitFor();
const numberIn = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));
const basemapLoaded = (page: Page) =>
  page.locator(".map-countries path").first().waitFor({ state: "attached" });

/** Records every blob the page turns into a download address, to read what a download button made. */
const watchBlobs = (page: Page) =>
  page.evaluate(() => {
    const made: Blob[] = [];
    Object.assign(window, { madeBlobs: made });
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) made.push(blob);
      return create(blob);
    };
  });

/** The text (and first bytes) of what a download link's blob address holds. */
const linkContent = (page: Page, selector: string) =>
  page.evaluate(async (sel) => {
    const a = document.querySelector<HTMLAnchorElement>(sel);
    if (!a) throw new Error(`no link ${sel}`);
    const bytes = new Uint8Array(await (await fetch(a.href)).arrayBuffer());
    return {
      filename: a.download,
      bom: [...bytes.slice(0, 3)],
      text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes),
    };
  }, selector);

describeInBrowser("a search seen on a map and in charts", () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => world?.close());

  it("an officer narrows a search by act type and province, finds the same acts on the map and in the dashboard, downloads a chart as CSV and PNG, and reads the charts in Korean", async () => {
    const officer = await apiSignIn(world.app, "officer@demo.test", world.deps.config.demoPassword);
    const mandateId = (await officer.get<{ items: { id: string }[] }>("/api/v1/mandates")).body.items[0]?.id;

    const page = await signInPage(world, "officer@demo.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
    await page.getByRole("heading", { level: 1, name: "Search" }).waitFor();
    await settled(page);
    const facets = page.getByRole("complementary", { name: "Filters" });
    await facets
      .getByRole("group", { name: "Type of act" })
      .getByRole("checkbox", { name: /^Detention, imprisonment/ })
      .check();
    await page.waitForURL((url) => url.searchParams.get("actType") === detention);
    await settled(page);
    await facets
      .getByRole("group", { name: "Province" })
      .getByRole("checkbox", { name: /North Hamgyong/ })
      .check();
    await page.waitForURL((url) => Boolean(url.searchParams.get("province")));
    await settled(page);
    const provinceId = new URL(page.url()).searchParams.get("province") ?? "";

    // The search's own counts for this filter: its acts, and its acts per county.
    const answer = (
      await officer.get<SearchAnswer>(
        `/api/v1/search?mandateId=${mandateId}&actType=${detention}&place=${provinceId}&limit=1`,
      )
    ).body;
    const acts = answer.facets.recordType.find((f) => f.value === "act")?.count ?? 0;
    expect(acts).toBeGreaterThan(10);
    const counties = answer.facets.county;
    expect(counties.length).toBeGreaterThan(1);
    const inCounties = counties.reduce((sum, c) => sum + c.count, 0);
    const first = [...counties].sort((a, b) => b.count - a.count)[0] as PlaceCount;

    // The map view keeps the filters: the same counties, with the search's counts.
    await page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Map" }).click();
    await page.waitForURL(
      (url) =>
        url.pathname === "/app/map" &&
        url.searchParams.get("actType") === detention &&
        url.searchParams.get("province") === provinceId,
    );
    await page.getByRole("heading", { level: 1, name: "Map of acts" }).waitFor();
    const filtersInUse = page.getByRole("region", { name: "Filters in use" });
    await filtersInUse.getByText("Detention, imprisonment").waitFor();
    await filtersInUse.getByText("North Hamgyong").waitFor();
    await page
      .getByText(`${inCounties} of ${acts} matching acts are at a county or city on the map`)
      .waitFor();
    const map = page.getByRole("figure", { name: /Coded acts per county or city/ });
    await map.waitFor();
    await basemapLoaded(page);
    await expectAccessible(page, "map-en");

    await page.getByRole("button", { name: "Show as table" }).click();
    const table = page.getByRole("table", {
      name: `Coded acts per county or city: ${counties.length} places`,
    });
    await table.waitFor();
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector("th")?.textContent ?? "", tr.lastElementChild?.textContent ?? ""]),
      );
    expect(Object.fromEntries(rows.map(([name, n]) => [name, Number(n)]))).toEqual(
      Object.fromEntries(counties.map((c) => [c.label.en, c.count])),
    );
    await expectAccessible(page, "map-table-en");
    await page.getByRole("button", { name: "Show as map" }).click();
    await basemapLoaded(page);

    // Activating a county's marker with the keyboard opens the search narrowed to it, other filters kept.
    const marker = map.locator(".map-marker a", { hasText: first.label.en ?? "" });
    for (let i = 0; i < 6 && !(await marker.isVisible()); i++) {
      await map.locator(".map-cluster button").first().click();
    }
    await marker.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(
      (url) =>
        url.pathname === "/app/search" &&
        url.searchParams.get("county") === first.value &&
        url.searchParams.get("actType") === detention,
    );
    await settled(page);
    await page.locator(".result-count", { hasText: `${first.count} result` }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Map of acts" }).waitFor();

    // The dashboard keeps them too; its totals are the API's for this filter.
    await page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Dashboard" }).click();
    await page.waitForURL(
      (url) =>
        url.pathname === "/app/dashboard" &&
        url.searchParams.get("actType") === detention &&
        url.searchParams.get("province") === provinceId,
    );
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    await page.getByText(`${acts} coded acts match these filters.`).waitFor();
    const byType = (
      await officer.get<OverTime>(
        `/api/v1/analytics/acts-over-time?mandateId=${mandateId}&actType=${detention}&place=${provinceId}&by=actType&actTypeLevel=0&period=year`,
      )
    ).body;
    expect(byType.total).toBe(acts);
    expect(byType.series.map((s) => s.key)).toEqual(["030000000000"]);
    const typeChart = page.getByRole("region", { name: "Acts over time by type of act" });
    await typeChart.getByRole("img", { name: /Acts over time by type of act/ }).waitFor();
    await typeChart.getByText(`${byType.total - byType.undated} acts with a date, from`).waitFor();
    await typeChart.locator("svg text", { hasText: liberty.en }).waitFor();
    await typeChart.getByText("Data table").click();
    const typeTotals = typeChart.getByRole("table").locator("tfoot td");
    await expect(typeTotals.last().textContent()).resolves.toBe(String(byType.total - byType.undated));

    const countyChart = page.getByRole("region", { name: "Counties and cities with the most acts" });
    await countyChart.getByText(`${counties.length} places, ${inCounties} acts in all.`).waitFor();

    // The CSV is made in the browser from the same numbers, with a byte order mark for spreadsheets.
    const csv = await linkContent(page, '[aria-labelledby="top-counties-heading"] a[download]');
    expect(csv.filename).toBe("top-counties.csv");
    expect(csv.bom).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("County or city,Acts");
    expect(lines).toContain(`${first.label.en},${first.count}`);
    const timeCsv = await linkContent(page, '[aria-labelledby="acts-by-type-heading"] a[download]');
    expect(timeCsv.text.split("\r\n")[0]).toBe(`\uFEFFPeriod,${liberty.en} (030000000000),Total`);

    // The PNG is the chart drawn on a canvas: a real, non-empty image.
    await watchBlobs(page);
    await typeChart.getByRole("button", { name: "Download PNG" }).click();
    await typeChart.getByText("The image is downloading.").waitFor();
    const png = await page.evaluate(async () => {
      const blob = (window as unknown as { madeBlobs: Blob[] }).madeBlobs.find((b) => b.type === "image/png");
      if (!blob) return null;
      const image = await createImageBitmap(blob);
      const head = [...new Uint8Array(await blob.slice(0, 8).arrayBuffer())];
      return { size: blob.size, width: image.width, height: image.height, head };
    });
    expect(png?.head).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png?.size).toBeGreaterThan(5_000);
    expect(png?.width).toBeGreaterThan(700);
    expect(png?.height).toBeGreaterThan(200);

    // Quarters are named in the reader's language.
    await page.getByLabel("Period").selectOption("quarter");
    await page.waitForURL((url) => url.searchParams.get("period") === "quarter");
    await typeChart.getByText(/acts with a date, from Q\d 20\d\d to Q\d 20\d\d/).waitFor();
    await expectAccessible(page, "dashboard-en");

    // In Korean, the charts are labelled from the vocabularies in Korean, periods and all.
    await page.getByRole("banner").getByLabel("Language").selectOption("ko");
    await page.getByRole("heading", { level: 1, name: "대시보드" }).waitFor();
    const typeChartKo = page.getByRole("region", { name: "행위 유형별 시기별 행위" });
    await typeChartKo.locator("svg text", { hasText: liberty.ko }).waitFor();
    await typeChartKo.getByText(/\d{4}년 \d분기부터 \d{4}년 \d분기까지 날짜가 있는 행위/).waitFor();
    await page.getByRole("region", { name: "적용 중인 필터" }).getByText("구금, 투옥").waitFor();
    await page.getByRole("region", { name: "적용 중인 필터" }).getByText("함경북도").waitFor();
    const sexChartKo = page.getByRole("region", { name: "피해자 성별 시기별 행위" });
    await sexChartKo.locator("svg text", { hasText: "여성" }).waitFor();
    await expectAccessible(page, "dashboard-ko");

    await page.getByRole("navigation", { name: "보기" }).getByRole("link", { name: "지도" }).click();
    await page.getByRole("heading", { level: 1, name: "행위 지도" }).waitFor();
    await page
      .getByRole("figure", { name: `군·시별 행위: ${counties.length}곳` })
      .locator(".map-marker, .map-cluster")
      .first()
      .waitFor();
    await basemapLoaded(page);
    await expectAccessible(page, "map-ko");
    await page.context().close();
  }, 180_000);

  it("a read-only member sees every act of the mandate counted when no filter is chosen", async () => {
    const reader = await apiSignIn(world.app, "readonly@demo.test", world.deps.config.demoPassword);
    const mandateId = (await reader.get<{ items: { id: string }[] }>("/api/v1/mandates")).body.items[0]?.id;
    const all = (
      await reader.get<OverTime>(
        `/api/v1/analytics/acts-over-time?mandateId=${mandateId}&by=none&period=year`,
      )
    ).body;
    const page = await signInPage(world, "readonly@demo.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    await page.getByText("None: every coded act of the mandate that you may read is counted.").waitFor();
    const status = page.locator(".result-count", { hasText: "coded acts match" });
    await status.waitFor();
    expect(numberIn(await status.textContent())).toBe(all.total);
    await page.getByRole("region", { name: "Provinces with the most acts" }).getByRole("img").waitFor();
    await page.context().close();
  });
});
