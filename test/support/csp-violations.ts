import type { BrowserContext } from "playwright-core";

/**
 * Collects what Chromium reports as refused by a page's Content-Security-Policy, in every page of the context: a
 * test then expects none, so a policy that breaks the application fails the suite.
 * @example const violations = watchCspViolations(context); … expect(violations()).toEqual([]);
 */
export function watchCspViolations(context: BrowserContext): () => string[] {
  const seen: string[] = [];
  context.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Content-Security-Policy/i.test(text))
      seen.push(`${message.page()?.url()}: ${text}`);
  });
  return () => [...seen];
}
