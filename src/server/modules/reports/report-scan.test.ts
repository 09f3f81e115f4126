import { describe, expect, it } from "vitest";
import { createMatcher } from "./report-scan.js";

const matcher = createMatcher([
  { personId: "p1", kind: "legal_name", value: "Kim Chol-su" },
  { personId: "p1", kind: "alias", value: "김철수" },
  { personId: "p2", kind: "id_number", value: "123-456-789" },
  { personId: "p2", kind: "contact", value: "+82 10-1234-5678" },
  { personId: "p3", kind: "alias", value: "Li" },
  { personId: "p4", kind: "code", value: "W-2017-014" },
  { personId: "p5", kind: "contact", value: "someone@example.org" },
]);

describe("finding identifying data in a report's text", () => {
  it("finds a legal name whatever its case and the punctuation around it", () => {
    expect(matcher.find("The witness (KIM chol-su), said so.")).toEqual([
      { personId: "p1", kind: "legal_name" },
    ]);
  });

  it("finds a Korean name glued to its particle", () => {
    expect(matcher.find("김철수씨는 2016년에 송환되었다.")).toEqual([{ personId: "p1", kind: "alias" }]);
  });

  it("finds an identity or telephone number written with other separators", () => {
    expect(
      matcher
        .find("card 123 456 789 and phone 821012345678")
        .map((h) => h.kind)
        .sort(),
    ).toEqual(["contact", "id_number"]);
  });

  it("finds a pseudonymous code with a particle or a possessive", () => {
    expect(matcher.find("W-2017-014는 말했다")).toEqual([{ personId: "p4", kind: "code" }]);
    expect(matcher.find("W-2017-014's mother")).toEqual([{ personId: "p4", kind: "code" }]);
  });

  it("finds an e-mail address at the end of a sentence", () => {
    expect(matcher.find("Write to someone@example.org.")).toEqual([{ personId: "p5", kind: "contact" }]);
  });

  it("ignores values too short to identify anyone, and text that only resembles a name", () => {
    expect(matcher.find("Li said that Kim Chol went home in 2016-2017.")).toEqual([]);
  });
});
