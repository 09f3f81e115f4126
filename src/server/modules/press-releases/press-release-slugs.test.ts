import { describe, expect, it } from "vitest";
import { baseSlug, numberedSlug, slugMax, slugPattern, slugWords } from "./press-release-slugs.js";

describe("press release slugs", () => {
  it("are the day and the words of the English title, in lowercase ASCII", () => {
    expect(baseSlug("2018-03-16", "UN expert urges China to halt the forced return of women")).toBe(
      "2018-03-16-un-expert-urges-china-to-halt-the-forced-return-of-women",
    );
    expect(slugWords("Korea’s “returnees” — São Paulo, 2017!")).toBe("koreas-returnees-sao-paulo-2017");
  });

  it("a Korean-only title gives the day and a short random part", () => {
    expect(baseSlug("2017-07-21", "", () => "k3x9qa")).toBe("2017-07-21-k3x9qa");
    expect(baseSlug("2017-07-21", null)).toMatch(/^2017-07-21-[a-z0-9]{6}$/);
  });

  it("a long title is cut at a word, within the limit, also once numbered", () => {
    const long = baseSlug("2018-03-16", "word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(slugMax);
    expect(long).toMatch(slugPattern);
    expect(long.endsWith("-word")).toBe(true);
    const numbered = numberedSlug(long, 12);
    expect(numbered.length).toBeLessThanOrEqual(slugMax);
    expect(numbered).toMatch(/-word-12$/);
    expect(numberedSlug("2018-03-16-returns", 1)).toBe("2018-03-16-returns");
  });
});
