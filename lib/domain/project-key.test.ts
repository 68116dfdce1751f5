import { describe, expect, it } from "vitest";
import { keyFromName, PROJECT_KEY_PATTERN, suggestFreeKey } from "./project-key";

describe("keyFromName", () => {
  it.each([
    ["Web shop", "WS"],
    ["Checkout", "CHEC"],
    ["Mobile app v2", "MAV"],
    ["mobile app 2", "MA2"],
    ["Crème brûlée", "CB"],
    ["A", "AX"],
    ["A b", "AB"],
    ["Go", "GO"],
    ["2024 roadmap", "ROAD"],
    ["  payments — EU / UK  ", "PEU"],
    ["one two three four five six seven eight nine ten eleven", "OTTFFSSENT"],
    ["", ""],
    ["123", ""],
    ["???", ""],
  ])("%j → %j", (name, key) => {
    expect(keyFromName(name)).toBe(key);
    if (key) expect(key).toMatch(PROJECT_KEY_PATTERN);
  });
});

describe("suggestFreeKey", () => {
  it.each([
    ["SHOP", [], "SHOP"],
    ["SHOP", ["SHOP"], "SHOP2"],
    ["SHOP", ["SHOP", "SHOP2", "SHOP3"], "SHOP4"],
    ["ABCDEFGHIJ", ["ABCDEFGHIJ"], "ABCDEFGHI2"],
    ["ABCDEFGHIJ", ["ABCDEFGHIJ", ...Array.from({ length: 8 }, (_, i) => `ABCDEFGHI${i + 2}`)], "ABCDEFGH10"],
  ])("%s with %j taken → %s", (wanted, taken, expected) => {
    const suggestion = suggestFreeKey(wanted, new Set(taken));
    expect(suggestion).toBe(expected);
    expect(suggestion).toMatch(PROJECT_KEY_PATTERN);
  });
});
