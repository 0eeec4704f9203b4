import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

// User text (need descriptions, messages) is rendered through <Markdown>: it must never carry
// markup or script into the page.
describe("Markdown (user text on render)", () => {
  it("drops raw HTML, script tags and event handlers", () => {
    const html = renderToStaticMarkup(createElement(Markdown, { text: 'Hi <script>alert(1)</script><img src=x onerror="alert(2)"> **bold**' }));
    expect(html).not.toMatch(/<script|onerror|<img/i);
    expect(html).toContain("<strong>bold</strong>");
  });

  it("neutralises javascript: links", () => {
    const html = renderToStaticMarkup(createElement(Markdown, { text: "[click](javascript:alert(1)) [ok](https://example.cn)" }));
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://example.cn"');
  });
});
