import { existsSync } from "node:fs";
import { type Stats, statsOf } from "./measure.js";

const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

/**
 * In Chromium, how long a list of 50 acts takes to be on screen after its data arrived: from the API response's
 * last byte (Resource Timing) to the moment the 50th row is in the document (a MutationObserver).
 * Null when Chromium is not installed.
 */
export async function measureListRender(
  url: string,
  email: string,
  password: string,
  times: number,
): Promise<Stats | null> {
  if (!chromium) return null;
  const { chromium: pw } = await import("playwright-core");
  const browser = await pw.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${url}/app/`);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "What needs me today" }).waitFor();
    await page.goto(`${url}/app/acts`);
    await page.locator("table.records tbody tr").nth(49).waitFor({ timeout: 60_000 });
    type Probe = { rowsAt?: number; probe?: MutationObserver };
    /** Moves within the application, as a click on a link does (no reload), and notes when 50 rows are shown. */
    const go = (path: string) =>
      page.evaluate((p) => {
        const w = window as unknown as Probe;
        w.probe?.disconnect();
        w.rowsAt = undefined;
        performance.clearResourceTimings();
        w.probe = new MutationObserver(() => {
          if (w.rowsAt === undefined && document.querySelectorAll("table.records tbody tr").length >= 50)
            w.rowsAt = performance.now();
        });
        w.probe.observe(document.body, { childList: true, subtree: true });
        history.pushState({}, "", p);
        dispatchEvent(new PopStateEvent("popstate"));
      }, path);
    // Every address once: a list seen before would come from the client's cache, with no request to time.
    const addresses = ["updatedAt", "createdAt", "actDate"].flatMap((sort) =>
      ["desc", "asc"].flatMap((order) =>
        ["", "&confidentiality=internal", "&confidentiality=confidential"].map(
          (level) => `/app/acts?sort=${sort}&order=${order}${level}`,
        ),
      ),
    );
    const out: number[] = [];
    for (let i = 0; i < Math.min(times + 2, addresses.length); i++) {
      // An empty list first, so the 50 rows that follow are all new.
      await go(`/app/acts?q=no-such-words-${i}`);
      await page.locator("table.records tbody tr").first().waitFor({ state: "detached" });
      await go(addresses[i] as string);
      await page.waitForFunction(() => (window as unknown as Probe).rowsAt !== undefined, null, {
        timeout: 60_000,
      });
      const ms = await page.evaluate(() => {
        const list = performance.getEntriesByType("resource").filter((e) => e.name.includes("/api/v1/acts?"));
        const last = list[list.length - 1] as PerformanceResourceTiming | undefined;
        return last ? ((window as unknown as Probe).rowsAt ?? 0) - last.responseEnd : null;
      });
      if (i >= 2 && ms !== null) out.push(ms);
    }
    return statsOf(out);
  } finally {
    await browser.close();
  }
}
