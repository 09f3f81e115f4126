import { describe, expect, it } from "vitest";
import { sniffImage } from "./image-type.js";

const hex = (h: string) => Buffer.from(h.replace(/\s+/g, ""), "hex");
/** A 1×1 transparent PNG. */
const png = hex(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082",
);
/** The head of a JPEG: SOI, a JFIF segment, then a baseline frame 3 wide and 2 high. */
const jpeg = Buffer.concat([
  hex("ffd8 ffe0 0010 4a464946 00 0101 00 0001 0001 0000"),
  hex("ffc0 0011 08 0002 0003 03 012200 021101 031101"),
]);
const gif = Buffer.concat([Buffer.from("GIF89a", "latin1"), hex("0500 0400 00 00 00")]);
/** The head of an extended WebP, 640×480 (sizes stored minus one, in three bytes each). */
const webp = Buffer.concat([
  Buffer.from("RIFF", "latin1"),
  hex("00000000"),
  Buffer.from("WEBPVP8X", "latin1"),
  hex("0a000000 00000000 7f0200 df0100"),
]);

describe("what image a file is", () => {
  it("PNG, JPEG, GIF and WebP are told by their first bytes, with their size from the header", () => {
    expect(sniffImage(png)).toEqual({ mimeType: "image/png", width: 1, height: 1 });
    expect(sniffImage(jpeg)).toEqual({ mimeType: "image/jpeg", width: 3, height: 2 });
    expect(sniffImage(gif)).toEqual({ mimeType: "image/gif", width: 5, height: 4 });
    expect(sniffImage(webp)).toEqual({ mimeType: "image/webp", width: 640, height: 480 });
  });

  it("anything else is not an image here, whatever it is called: text, SVG, HTML, PDF, nothing", () => {
    for (const text of [
      "just some notes",
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
      "<html>",
      "%PDF-1.4",
      "",
    ])
      expect(sniffImage(Buffer.from(text))).toBeNull();
    // A PNG signature alone, cut before its header, is not taken for one.
    expect(sniffImage(png.subarray(0, 12))).toBeNull();
  });

  it("an image whose header is cut short is still told, without a size", () => {
    expect(sniffImage(jpeg.subarray(0, 6))).toEqual({ mimeType: "image/jpeg", width: null, height: null });
  });
});
