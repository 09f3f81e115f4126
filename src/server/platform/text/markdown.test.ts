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
});
