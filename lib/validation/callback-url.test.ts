import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const origin = "https://board.example.com";

describe("safeCallbackPath", () => {
  const cases: Array<[string, unknown, string]> = [
    ["a plain path", "/settings/tokens", "/settings/tokens"],
    ["a path with query and hash", "/ACME/board?assignee=me#card", "/ACME/board?assignee=me#card"],
    ["an absolute same-origin URL", "https://board.example.com/invite/inv_1", "/invite/inv_1"],
    ["a backslash after the slash", "/\\evil.example", "/projects"],
    ["two backslashes", "\\\\evil.example", "/projects"],
    ["a protocol-relative address", "//evil.example/x", "/projects"],
    ["a tab inside the slashes", "/\t/evil.example", "/projects"],
    ["a path that normalises to //", "/.//evil.example", "/projects"],
    ["another origin", "https://evil.example/", "/projects"],
    ["another port of the same host", "https://board.example.com:8443/", "/projects"],
    ["another scheme", "http://board.example.com/projects", "/projects"],
    ["javascript:", "javascript:alert(1)", "/projects"],
    ["data:", "data:text/html,<script>alert(1)</script>", "/projects"],
    ["nothing", undefined, "/projects"],
    ["an empty string", "", "/projects"],
    ["an array (repeated query parameter)", ["/a", "/b"], "/projects"],
  ];
  it.each(cases)("%s", (_name, raw, expected) => {
    expect(safeCallbackPath(raw, origin)).toBe(expected);
  });

  it("keeps percent-encoded backslashes encoded, so the browser stays on the origin", () => {
    expect(safeCallbackPath("/%5Cevil.example", origin)).toBe("/%5Cevil.example");
  });

  it("answers the given fallback", () => {
    expect(safeCallbackPath("//evil.example", origin, "/")).toBe("/");
  });
});
