import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** A font pdfkit can embed: a file (a collection needs the face's PostScript name) or a standard PDF font. */
export interface PdfFace {
  src: string | Buffer;
  family?: string;
}

export interface PdfFonts {
  regular: PdfFace;
  bold: PdfFace;
  /** Whether the faces have Hangul; the standard PDF fonts do not. */
  korean: boolean;
}

const require = createRequire(import.meta.url);

/** Noto Sans KR (SIL OFL 1.1) from @expo-google-fonts/noto-sans-kr: TrueType, which subsets smaller and faster than CFF. */
function packagedFonts(): PdfFonts | null {
  try {
    const file = (weight: string) =>
      readFileSync(require.resolve(`@expo-google-fonts/noto-sans-kr/${weight}/NotoSansKR_${weight}.ttf`));
    return { regular: { src: file("400Regular") }, bold: { src: file("700Bold") }, korean: true };
  } catch {
    return null;
  }
}

/** Debian's fonts-noto-cjk, used only when present and the package is missing. */
function systemFonts(): PdfFonts | null {
  const dir = "/usr/share/fonts/opentype/noto";
  const regular = `${dir}/NotoSansCJK-Regular.ttc`;
  const bold = `${dir}/NotoSansCJK-Bold.ttc`;
  if (!existsSync(regular) || !existsSync(bold)) return null;
  return {
    regular: { src: regular, family: "NotoSansCJKkr-Regular" },
    bold: { src: bold, family: "NotoSansCJKkr-Bold" },
    korean: true,
  };
}

let cached: PdfFonts | undefined;

/** The fonts of report PDFs, read once per process: Noto Sans KR sets both Latin and Korean text. */
export function reportPdfFonts(): PdfFonts {
  cached ??= packagedFonts() ??
    systemFonts() ?? { regular: { src: "Helvetica" }, bold: { src: "Helvetica-Bold" }, korean: false };
  return cached;
}
