import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type BrowserWorld,
  describeInBrowser,
  expectAccessible,
  signInPage,
  startBrowserWorld,
} from "../support/e2e-world.js";

const pickLabel = "Map to set the coordinates of this place";

/** Every request the page makes that leaves the server under test (a tile server, a font, …). */
const watchOutsideRequests = (page: Page, base: string) => {
  const outside: string[] = [];
  page.on("request", (req) => {
    if (!req.url().startsWith(base) && !req.url().startsWith("data:")) outside.push(req.url());
  });
  return outside;
};

const basemapLoaded = (page: Page) =>
  page.locator(".map-countries path").first().waitFor({ state: "attached" });

describeInBrowser("places on an offline map", () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(async () => world?.close());

  it("an officer adds a site by clicking on the map, saves it, and its page shows it on the map (English and Korean)", async () => {
    const page = await signInPage(world, "officer@demo.test");
    const outside = watchOutsideRequests(page, world.base);
    await page.goto(`${world.base}/app/places/new`);
    await page.getByLabel("Level *").selectOption("site");
    await page.getByLabel("Name (English) *").fill("Riverside house near Hoeryong");
    const map = page.getByRole("img", { name: pickLabel });
    await basemapLoaded(page);
    await expect(page.getByLabel("Latitude", { exact: true }).inputValue()).resolves.toBe("");

    const box = await map.boundingBox();
    if (!box) throw new Error("the map is not laid out");
    await map.click({ position: { x: box.width * 0.7, y: box.height * 0.3 } });
    const lat = Number(await page.getByLabel("Latitude", { exact: true }).inputValue());
    const lon = Number(await page.getByLabel("Longitude", { exact: true }).inputValue());
    expect(lat).toBeGreaterThan(37);
    expect(lat).toBeLessThan(43.5);
    expect(lon).toBeGreaterThan(123);
    expect(lon).toBeLessThan(131.5);
    expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
    await page
      .locator(".map-chosen", { hasText: `Point on the map: latitude ${lat}, longitude ${lon}` })
      .waitFor();
    await page.locator(".map-selected").waitFor();
    await expectAccessible(page, "new-place-map-en");

    await page.getByRole("button", { name: "Create" }).click();
    await page.getByRole("heading", { level: 1, name: "Riverside house near Hoeryong" }).waitFor();
    const placeMap = page.getByRole("figure", { name: /Map showing Riverside house near Hoeryong/ });
    await placeMap.waitFor();
    await basemapLoaded(page);
    await expect(
      placeMap.locator(".map-marker").filter({ hasText: "Riverside house near Hoeryong" }).isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page, "place-map-en");

    await page.getByRole("button", { name: "Show as table" }).click();
    const table = page.getByRole("table", { name: /Map showing Riverside house/ });
    await table.getByRole("cell", { name: String(lat) }).waitFor();
    await page.getByRole("button", { name: "Show as map" }).click();
    await placeMap.waitFor();

    // The basemap is a fingerprinted file of the app, served with it and cached; nothing comes from elsewhere.
    const basemapUrl = await page.evaluate(
      () =>
        performance
          .getEntriesByType("resource")
          .map((e) => e.name)
          .find((n) => /\/app\/assets\/countries-50m-[\w-]+\.json$/.test(n)) ?? "",
    );
    expect(basemapUrl).toMatch(/\/app\/assets\//);
    const res = await page.request.get(basemapUrl);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^application\/json/);
    expect(res.headers()["cache-control"]).toMatch(/immutable/);
    expect(outside).toEqual([]);

    const placeUrl = page.url();
    await page.context().close();
    const ko = await signInPage(world, "officer@demo.test", "ko");
    await ko.goto(placeUrl);
    await ko.getByRole("figure", { name: /Riverside house near Hoeryong의 위치를 보여 주는 지도/ }).waitFor();
    await basemapLoaded(ko);
    await ko.getByRole("toolbar", { name: "지도 이동" }).getByRole("button", { name: "확대" }).click();
    await expectAccessible(ko, "place-map-ko");
    await ko.goto(`${world.base}/app/places/new`);
    await ko.getByRole("img", { name: "이 장소의 좌표를 정하는 지도" }).waitFor();
    await basemapLoaded(ko);
    await expectAccessible(ko, "new-place-map-ko");
    await ko.context().close();
  });

  it("the map and the coordinates work with the keyboard alone: zoom in, then type latitude and longitude", async () => {
    const page = await signInPage(world, "officer@demo.test");
    await page.goto(`${world.base}/app/places/new`);
    await page.getByLabel("Level *").selectOption("site");
    await page.getByLabel("Name (English) *").fill("Office reached by keyboard");
    await basemapLoaded(page);
    const focusedName = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.getAttribute("aria-label") ?? el?.id ?? "";
      });

    await page.getByLabel("Longitude", { exact: true }).focus();
    for (let i = 0; i < 5 && (await focusedName()) !== "Zoom in"; i++) await page.keyboard.press("Tab");
    expect(await focusedName()).toBe("Zoom in");
    const drawn = () => page.locator(".map-countries").innerHTML();
    const before = await drawn();
    await page.keyboard.press("Enter");
    await expect.poll(drawn).not.toBe(before);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await focusedName()).toBe("Pan north");
    const zoomedIn = await drawn();
    await page.keyboard.press("Space");
    await expect.poll(drawn).not.toBe(zoomedIn);

    for (let i = 0; i < 5 && (await focusedName()) !== "f-longitude"; i++)
      await page.keyboard.press("Shift+Tab");
    expect(await focusedName()).toBe("f-longitude");
    await page.keyboard.type("129.75");
    await page.keyboard.press("Shift+Tab");
    expect(await focusedName()).toBe("f-latitude");
    await page.keyboard.type("42.44");
    await page
      .locator(".map-chosen", { hasText: "Point on the map: latitude 42.44, longitude 129.75" })
      .waitFor();
    await page.locator(".map-selected").waitFor();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Office reached by keyboard" }).waitFor();
    await page.getByRole("figure", { name: /Map showing Office reached by keyboard/ }).waitFor();
    await page.context().close();
  });
  it("dragging pans the map without moving the chosen point, and the mouse wheel zooms", async () => {
    const page = await signInPage(world, "officer@demo.test");
    await page.goto(`${world.base}/app/places/new`);
    await basemapLoaded(page);
    await page.getByLabel("Latitude", { exact: true }).fill("42.44");
    await page.getByLabel("Longitude", { exact: true }).fill("129.75");
    const map = page.getByRole("img", { name: pickLabel });
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error("the map is not laid out");
    const drawn = () => page.locator(".map-countries").innerHTML();
    const before = await drawn();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 80, box.y + box.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(drawn).not.toBe(before);
    await expect(page.getByLabel("Latitude", { exact: true }).inputValue()).resolves.toBe("42.44");
    const panned = await drawn();
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, -300);
    await expect.poll(drawn).not.toBe(panned);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
    await page.locator(".map-selected").waitFor();
    await page.context().close();
  });
});
