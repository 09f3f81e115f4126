import { describe, expect, it } from "vitest";
import { splitMarks } from "./highlight.js";

describe("marking what a search matched", () => {
  it("marks a Korean syllable pair inside a longer word", () => {
    expect(splitMarks("신의주 경유 강제송환 경험.", [[9, 11]])).toEqual([
      { text: "신의주 경유 강제", marked: false },
      { text: "송환", marked: true },
      { text: " 경험.", marked: false },
    ]);
  });

  it("keeps markup in the text as text, and clips or merges ranges the page cannot use", () => {
    expect(
      splitMarks("<b>detained</b> twice", [
        [3, 11],
        [5, 9],
        [20, 99],
        [4, 2],
      ]),
    ).toEqual([
      { text: "<b>", marked: false },
      { text: "detained", marked: true },
      { text: "</b> twic", marked: false },
      { text: "e", marked: true },
    ]);
  });

  it("gives the whole text unmarked when nothing is marked", () => {
    expect(splitMarks("Interview with W-2017-011", [])).toEqual([
      { text: "Interview with W-2017-011", marked: false },
    ]);
  });
});
