import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { chromiumArgs, chromiumPath } from "./browser.js";

/** Lighthouse scores of one page (0–100), with the audits that cost points when a score is below 100. */
export interface LighthouseScores {
  accessibility: number;
  performance: number;
  failing: string[];
}

/** Debian's Chromium with a DevTools port, for Lighthouse (which drives it itself). */
async function startChromium(): Promise<{ port: number; process: ChildProcess; close: () => Promise<void> }> {
  if (!chromiumPath) throw new Error("Chromium is not installed");
  const profile = mkdtempSync(path.join(tmpdir(), "rapporteur-lighthouse-"));
  const child = spawn(chromiumPath, [
    "--headless=new",
    ...chromiumArgs,
    "--remote-debugging-port=0",
    `--user-data-dir=${profile}`,
    "about:blank",
  ]);
  const port = await new Promise<number>((resolve, reject) => {
    let err = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`chromium exited ${code}: ${err.slice(-500)}`)));
  });
  return {
    port,
    process: child,
    close: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

/**
 * Runs Lighthouse's accessibility and performance categories on each address, in the desktop profile (with its
 * simulated throttling). Scores vary from run to run with the machine's load: as Lighthouse's documentation
 * advises, a page below `target` is measured three times and its median run counts.
 * @example const [home] = await lighthouseScores([`${base}/en/`]);
 */
export async function lighthouseScores(urls: string[], target = 95): Promise<LighthouseScores[]> {
  const chrome = await startChromium();
  try {
    const out: LighthouseScores[] = [];
    for (const url of urls) {
      const runs = [await runOnce(chrome.port, url)];
      const low = (r: LighthouseScores) => Math.min(r.accessibility, r.performance) < target;
      if (low(runs[0] as LighthouseScores))
        runs.push(await runOnce(chrome.port, url), await runOnce(chrome.port, url));
      runs.sort((a, b) => a.performance - b.performance);
      out.push(runs[Math.floor(runs.length / 2)] as LighthouseScores);
    }
    return out;
  } finally {
    await chrome.close();
  }
}

async function runOnce(port: number, url: string): Promise<LighthouseScores> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["accessibility", "performance"],
    formFactor: "desktop",
    screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
  });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`lighthouse gave no result for ${url}`);
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const failing = Object.values(lhr.audits)
    .filter(
      (a) =>
        a.score !== null &&
        a.score < 1 &&
        a.scoreDisplayMode !== "informative" &&
        a.scoreDisplayMode !== "manual",
    )
    .map((a) => `${a.id} (${a.score})`);
  return { accessibility: score("accessibility"), performance: score("performance"), failing };
}
