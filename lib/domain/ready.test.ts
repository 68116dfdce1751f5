import { describe, expect, it } from "vitest";
import { isReadyItemMet, readyRule, unmetReadyItems } from "./ready";

describe("readyRule", () => {
  it.each([
    ["Estimated by the team", "estimate"],
    ["estimate agreed", "estimate"],
    ["Has story points", "estimate"],
    ["Story-point sized", "estimate"],
    ["Sized in planning poker", "estimate"],
    ["Acceptance criteria written", "manual"],
    ["Designs attached", "manual"],
    ["No open questions (pointers in the description)", "manual"],
  ] as const)("%s → %s", (text, rule) => {
    expect(readyRule(text)).toBe(rule);
  });
});

describe("isReadyItemMet", () => {
  const estimated = { text: "Estimated by the team", done: false };
  const criteria = { text: "Acceptance criteria written", done: false };

  it.each([
    ["an estimation item on an estimated card, never ticked", estimated, 3, true],
    ["an estimation item on a card estimated at 0", estimated, 0, true],
    ["an estimation item on an unestimated card, even ticked", { ...estimated, done: true }, null, false],
    ["a manual item, not ticked, on an estimated card", criteria, 5, false],
    ["a manual item, ticked", { ...criteria, done: true }, null, true],
  ] as const)("%s", (_, item, estimate, met) => {
    expect(isReadyItemMet(item, { estimate })).toBe(met);
  });
});

describe("unmetReadyItems", () => {
  it("keeps the order and drops what is met", () => {
    const items = [
      { id: "a", text: "Acceptance criteria written", done: true },
      { id: "b", text: "Estimated by the team", done: false },
      { id: "c", text: "Designs attached", done: false },
    ];
    expect(unmetReadyItems(items, { estimate: null }).map((item) => item.id)).toEqual(["b", "c"]);
    expect(unmetReadyItems(items, { estimate: 2 }).map((item) => item.id)).toEqual(["c"]);
    expect(unmetReadyItems([], { estimate: null })).toEqual([]);
  });
});
