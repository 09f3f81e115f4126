import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "./markdown.js";

describe("published Markdown", () => {
  it("renders emphasis, lists and links, with links that cannot reach back to the opener", () => {
    const html = renderMarkdown("**Geneva** — text\n\n- one\n- two\n\n[OHCHR](https://www.ohchr.org)");
    expect(html).toContain("<strong>Geneva</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://www.ohchr.org" rel="noopener noreferrer">OHCHR</a>');
  });

  it("never lets a script, an event handler or a javascript: link through", () => {
    const html = renderMarkdown(
      "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n![p](http://insecure.example/a.png)",
    );
    // Typed HTML shows as text; a link or image to a scheme not allowed loses its address.
    expect(html).not.toMatch(/<script|<img[^>]*onerror|href="javascript|src="http:/);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("turns a top-level heading into a subheading under the page's title", () => {
    expect(renderMarkdown("# Title")).toBe("<h2>Title</h2>\n");
  });

  it("gives plain text for feeds and mail, Korean kept", () => {
    expect(markdownToText("**서울** — 강제송환 & *detention*\n\n- a")).toBe(
      "서울 — 강제송환 & detention\n\na",
    );
  });

  it("maps images stored with the text to the address given, and keeps a relative path through the sanitiser", () => {
    const id = "0193f2a4-7c1e-7000-8000-00000000abcd";
    const source = `GENEVA — ![Women at the border, 2017](image:${id})`;
    const imageUrl = (i: string) => (i === id ? `/media/${i}` : null);
    expect(renderMarkdown(source, { imageUrl })).toContain(
      `<img src="/media/${id}" alt="Women at the border, 2017" />`,
    );
    expect(renderMarkdown(source, { imageUrl: () => `https://portal.example.org/media/${id}` })).toContain(
      `<img src="https://portal.example.org/media/${id}"`,
    );
    // An image the text may not show (another release's, or none given) is left out, its words too.
    expect(renderMarkdown(`![other](image:elsewhere)`, { imageUrl })).not.toContain("<img");
    expect(renderMarkdown(source)).toBe("<p>GENEVA — </p>\n");
    // The address given is sanitised like any other: no script, no protocol-relative escape.
    expect(renderMarkdown(source, { imageUrl: () => "javascript:alert(1)" })).not.toContain("javascript");
    expect(renderMarkdown(source, { imageUrl: () => "//evil.example/x.png" })).not.toContain("evil");
  });

  it("gives an image's alternative text, and only it, as plain text", () => {
    expect(markdownToText("Before\n\n![A map of **Hoeryong**](image:abc)\n\nAfter")).toBe(
      "Before\n\nA map of Hoeryong\n\nAfter",
    );
  });
});
