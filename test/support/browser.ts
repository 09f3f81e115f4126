import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium, where the machine has it. */
export const chromiumPath =
  ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? null;

if (!chromiumPath)
  console.warn(
    "notice: Chromium not found (/usr/bin/chromium): browser tests are skipped. Install Debian's chromium to run them.",
  );

/** The flags Chromium needs in this environment (no sandbox as root, no background network). */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/** Launches headless Chromium with the flags this environment needs. */
export function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error("Chromium is not installed");
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
