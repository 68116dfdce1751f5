import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, null, source));

describe("Markdown", () => {
  it("renders GitHub task lists as disabled checkboxes", () => {
    const html = render("- [x] tests written\n- [ ] docs");
    const boxes = html.match(/<input[^>]*>/g) ?? [];
    expect(boxes).toHaveLength(2);
    expect(boxes.every((box) => box.includes('type="checkbox"') && box.includes("disabled"))).toBe(true);
    expect(boxes.map((box) => box.includes("checked"))).toEqual([true, false]);
    expect(html).not.toContain("[x]");
  });

  it("renders tables", () => {
    const html = render("| Env | Status |\n| --- | --- |\n| prod | green |");
    expect(html).toContain("<table");
    expect(html).toMatch(/<th[^>]*>Env<\/th>/);
    expect(html).toMatch(/<td[^>]*>green<\/td>/);
  });

  it("links bare URLs, opening them in a new tab without an opener", () => {
    const html = render("See https://example.com/build/42 for the log");
    expect(html).toMatch(/<a[^>]*href="https:\/\/example.com\/build\/42"/);
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it("renders strikethrough", () => {
    expect(render("~~old plan~~")).toContain("<del>old plan</del>");
  });

  it("keeps sanitising: raw HTML and javascript: links do not survive", () => {
    const html = render('<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("javascript:");
  });
});
