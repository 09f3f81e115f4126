import { describe, expect, it } from "vitest";
import type { PressRelease } from "./press-release-api.js";
import { createBodyOf, imageMarkdown, insertBlock, updateBodyOf, valuesOf } from "./press-release-values.js";

const release = {
  id: "r1",
  type: "press_release",
  mandateId: "m",
  confidentiality: "internal",
  restrictedTo: null,
  version: 3,
  createdAt: "",
  updatedAt: "",
  abilities: {} as PressRelease["abilities"],
  status: "draft",
  slug: "2018-03-16-returns",
  location: "Geneva",
  titleEn: "Returns",
  titleKo: null,
  summaryEn: null,
  summaryKo: null,
  bodyEn: "Text",
  bodyKo: null,
  publishAt: null,
  publishedAt: null,
} satisfies PressRelease;

describe("what the press release editor sends", () => {
  it("a new release sends only what was filled in, so the API makes its slug", () => {
    const v = { ...valuesOf(), titleKo: "송환", bodyKo: "본문", location: "  " };
    expect(createBodyOf("m", v)).toEqual({
      mandateId: "m",
      confidentiality: "internal",
      titleKo: "송환",
      bodyKo: "본문",
    });
  });

  it("an edit sends what changed, an emptied text as null, and the version it was read at", () => {
    const v = { ...valuesOf(release), titleKo: "송환", bodyKo: "본문", location: "" };
    expect(updateBodyOf(release, v)).toEqual({ version: 3, titleKo: "송환", bodyKo: "본문", location: null });
    expect(updateBodyOf(release, valuesOf(release))).toEqual({ version: 3 });
  });

  it("an image goes in at the cursor as a paragraph of its own, its alternative text escaped", () => {
    const image = imageMarkdown("A map [of the\nborder]", "i1");
    expect(image).toBe("![A map \\[of the border\\]](image:i1)");
    expect(insertBlock("First.\n\nSecond.", 6, image)).toEqual({
      text: `First.\n\n${image}\n\nSecond.`,
      at: 8 + image.length,
    });
    expect(insertBlock("", 0, image).text).toBe(image);
    expect(insertBlock("Text", 99, image).text).toBe(`Text\n\n${image}`);
    expect(insertBlock("Text\n", 5, image).text).toBe(`Text\n\n${image}`);
  });
});
