import { inflateSync } from "node:zlib";

/**
 * The text of each page of a pdfkit PDF, decoded through the ToUnicode maps of its embedded fonts: what a reader
 * gets when copying text, and proof that the glyphs drawn are the characters written.
 */
export function pdfPageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; stream: string | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\n(<<[\s\S]*?>>)\n(?:stream\n)?/g)) {
    const dict = m[2] ?? "";
    const length = /\/Length (\d+)/.exec(dict)?.[1];
    let stream: string | null = null;
    if (m[0].endsWith("stream\n") && length) {
      const start = (m.index ?? 0) + m[0].length;
      const bytes = pdf.subarray(start, start + Number(length));
      stream = (dict.includes("/FlateDecode") ? inflateSync(bytes) : bytes).toString("latin1");
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  const unicode = (cmap: string) => {
    const map = new Map<number, string>();
    for (const [, from, , list] of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})> \[([^\]]*)\]/gi)) {
      [...(list ?? "").matchAll(/<([0-9a-f\s]*)>/gi)].forEach((u, i) => {
        const hex = (u[1] ?? "").replace(/\s/g, "");
        const units = hex.match(/.{4}/g)?.map((h) => Number.parseInt(h, 16)) ?? [];
        map.set(Number.parseInt(from ?? "0", 16) + i, String.fromCharCode(...units));
      });
    }
    return map;
  };
  const fontMaps = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const [, name, ref] of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(ref))?.dict ?? "")?.[1];
      const cmap = objects.get(Number(toUnicode))?.stream;
      if (name && cmap) fontMaps.set(name, unicode(cmap));
    }
  }
  const pages = [...objects.values()].filter((o) => /\/Type \/Page\b/.test(o.dict));
  return pages.map((page) => {
    const content = objects.get(Number(/\/Contents (\d+) 0 R/.exec(page.dict)?.[1]))?.stream ?? "";
    let map = new Map<number, string>();
    let out = "";
    for (const [, font, hexes] of content.matchAll(
      /\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[-\d.\s])*)\] TJ/gi,
    )) {
      if (font) map = fontMaps.get(font) ?? new Map();
      // Justified lines carry no space glyphs: a wide gap between glyphs reads as a space, as in PDF viewers.
      for (const [, hex, shift] of (hexes ?? "").matchAll(/<([0-9a-f]*)>|(-?[\d.]+)/gi)) {
        if (shift !== undefined) out += Number(shift) <= -150 ? " " : "";
        else out += (hex?.match(/.{4}/g) ?? []).map((g) => map.get(Number.parseInt(g, 16)) ?? "").join("");
      }
      if (hexes !== undefined) out += " ";
    }
    return out;
  });
}
