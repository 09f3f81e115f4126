const svgNs = "http://www.w3.org/2000/svg";

/** The font the page is drawn in: an SVG drawn as an image does not inherit it, so the export names it. */
const pageFont = () =>
  getComputedStyle(document.documentElement).fontFamily ||
  'system-ui, "Noto Sans CJK KR", "Noto Sans KR", sans-serif';

/**
 * The chart as a standalone SVG document with a title and a second line (the filters) above it, on white, in the
 * page's fonts. Built with the DOM, so labels are escaped as XML.
 */
export function standaloneSvg(chart: SVGSVGElement, heading: string, subheading: string) {
  const [, , width = 720, height = 400] = (chart.getAttribute("viewBox") ?? "").split(/\s+/).map(Number);
  const band = subheading ? 52 : 34;
  const root = document.createElementNS(svgNs, "svg");
  const set = (el: Element, attrs: Record<string, string | number>) => {
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    return el;
  };
  set(root, {
    xmlns: svgNs,
    width,
    height: height + band,
    viewBox: `0 0 ${width} ${height + band}`,
    "font-family": pageFont(),
  });
  root.append(
    set(document.createElementNS(svgNs, "rect"), { width, height: height + band, fill: "#ffffff" }),
  );
  const line = (text: string, y: number, size: number, weight: string, fill: string) => {
    const el = set(document.createElementNS(svgNs, "text"), {
      x: 12,
      y,
      "font-size": size,
      "font-weight": weight,
      fill,
    });
    el.textContent = text;
    root.append(el);
  };
  line(heading, 22, 16, "700", "#1b1b1b");
  if (subheading) line(subheading, 42, 11, "400", "#4a4a4a");
  const copy = chart.cloneNode(true) as SVGSVGElement;
  for (const a of ["role", "aria-label", "aria-labelledby", "class", "style"]) copy.removeAttribute(a);
  set(copy, { x: 0, y: band, width, height });
  root.append(copy);
  return new XMLSerializer().serializeToString(root);
}

/** Draws an SVG document on a canvas at `scale` times its size and gives it as a PNG. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await document.fonts.ready;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(image.naturalWidth * scale);
  canvas.height = Math.ceil(image.naturalHeight * scale);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2D canvas");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))), "image/png"),
  );
}

/** Offers a blob as a download under `filename`. */
export function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the address by then; a minute leaves slow machines time.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
