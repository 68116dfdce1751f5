import { describe, expect, it } from "vitest";
import { anchorIn, BACKLOG, placeBlock } from "./moves";

describe("placeBlock", () => {
  const lists = { s1: ["A", "B"], [BACKLOG]: ["C", "D", "E", "F"] };

  it.each([
    { name: "one card up within a list", keys: ["E"], to: BACKLOG, lead: "D", want: { s1: ["A", "B"], [BACKLOG]: ["C", "E", "D", "F"] } },
    { name: "a block from two lists into a sprint, at the lead", keys: ["B", "D", "F"], to: "s1", lead: "A", want: { s1: ["B", "D", "F", "A"], [BACKLOG]: ["C", "E"] } },
    { name: "a block to the end when the lead is elsewhere", keys: ["C", "E"], to: "s1", lead: "Z", want: { s1: ["A", "B", "C", "E"], [BACKLOG]: ["D", "F"] } },
    { name: "the lead itself inside the block", keys: ["C", "D"], to: BACKLOG, lead: "D", want: { s1: ["A", "B"], [BACKLOG]: ["C", "D", "E", "F"] } },
  ])("$name", ({ keys, to, lead, want }) => {
    expect(placeBlock(lists, keys, to, lead)).toEqual(want);
  });
});

describe("anchorIn", () => {
  it.each([
    { list: ["A", "X", "B"], keys: ["X"], want: { afterKey: "A" } },
    { list: ["X", "Y", "A"], keys: ["X", "Y"], want: { beforeKey: "A" } },
    { list: ["X"], keys: ["X"], want: {} },
    { list: ["A", "X", "Y", "B"], keys: ["X", "Y"], want: { afterKey: "A" } },
  ])("$list with $keys → $want", ({ list, keys, want }) => {
    expect(anchorIn(list, keys)).toEqual(want);
  });
});
