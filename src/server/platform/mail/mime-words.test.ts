import { describe, expect, it } from "vitest";
import { decodeMimeWords } from "./mime-words.js";

describe("reading encoded e-mail headers in the outbox listing", () => {
  it("a Korean subject split across encoded words reads whole", () => {
    const subject = Buffer.from("답변 기한 7일 전", "utf8");
    const a = subject.subarray(0, 4).toString("base64");
    const b = subject.subarray(4).toString("base64");
    expect(decodeMimeWords(`=?UTF-8?B?${a}?=\r\n =?UTF-8?B?${b}?=`.replace(/\r\n/g, ""))).toBe(
      "답변 기한 7일 전",
    );
  });

  it("quoted-printable words and plain text around them are kept", () => {
    expect(decodeMimeWords("Re: =?utf-8?Q?caf=C3=A9_au_lait?= (2)")).toBe("Re: café au lait (2)");
    expect(decodeMimeWords("Plain subject")).toBe("Plain subject");
  });
});
