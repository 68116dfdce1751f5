import { describe, expect, it } from "vitest";
import { withChanges } from "./use-url-query";

describe("withChanges", () => {
  it.each([
    { name: "sets a param", query: "q=invoice", changes: { lane: "assignee" }, expected: "q=invoice&lane=assignee" },
    { name: "replaces a param in place", query: "label=billing&q=a", changes: { label: "growth" }, expected: "label=growth&q=a" },
    { name: "removes on null, undefined and empty", query: "a=1&b=2&c=3", changes: { a: null, b: undefined, c: "" }, expected: "" },
    { name: "takes a leading question mark", query: "?focus=X-1&q=a", changes: { focus: null }, expected: "q=a" },
    { name: "encodes values", query: "", changes: { q: "a&b c" }, expected: "q=a%26b+c" },
  ])("$name", ({ query, changes, expected }) => {
    expect(withChanges(query, changes)).toBe(expected);
  });

  it("builds each change on the last one, which is how quick changes keep each other", () => {
    const cleared = withChanges("label=billing", { label: null });
    expect(withChanges(cleared, { q: "onboarding" })).toBe("q=onboarding");
  });
});
