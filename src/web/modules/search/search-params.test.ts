import { describe, expect, it } from "vitest";
import { actsQuery, viewHref } from "./search-params.js";

describe("one search seen as results, map or dashboard", () => {
  const address = new URLSearchParams(
    "q=구금&actType=030102000000&province=p1&type=act,source&sort=date_desc&offset=20&period=month",
  );

  it("carries the words, filters and order to another view, but not the page position or a view's own choices", () => {
    const href = viewHref("map", address);
    expect(href.startsWith("/map?")).toBe(true);
    const kept = new URLSearchParams(href.slice("/map?".length));
    expect(kept.get("q")).toBe("구금");
    expect(kept.get("actType")).toBe("030102000000");
    expect(kept.get("province")).toBe("p1");
    expect(kept.get("sort")).toBe("date_desc");
    expect(kept.get("offset")).toBeNull();
    expect(kept.get("period")).toBeNull();
    expect(viewHref("dashboard", new URLSearchParams())).toBe("/dashboard");
  });

  it("narrows to one place when asked, keeping the other filters", () => {
    const kept = new URLSearchParams(viewHref("results", address, { county: "c9" }).split("?")[1]);
    expect(kept.get("county")).toBe("c9");
    expect(kept.get("actType")).toBe("030102000000");
  });

  it("asks the analytics API with the search's filters, without type of record, order or page", () => {
    const q = actsQuery(address, "m1");
    expect(Object.fromEntries(q)).toEqual({
      mandateId: "m1",
      q: "구금",
      actType: "030102000000",
      place: "p1",
    });
  });
});
