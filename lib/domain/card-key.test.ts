import { describe, it, expect } from "vitest";
import { MAX_CARD_NUMBER, PROJECT_KEY_PATTERN, formatCardKey, parseCardKey } from "./card-key";

describe("PROJECT_KEY_PATTERN", () => {
  it.each([
    { key: "DE", valid: true },
    { key: "DEMO", valid: true },
    { key: "A1", valid: true },
    { key: "ABCDEFGHIJ", valid: true },
    { key: "D", valid: false },
    { key: "ABCDEFGHIJK", valid: false },
    { key: "1DEMO", valid: false },
    { key: "demo", valid: false },
    { key: "DE-MO", valid: false },
    { key: "DEMO ", valid: false },
    { key: "DÉMO", valid: false },
    { key: "", valid: false },
  ])("$key is valid: $valid", ({ key, valid }) => {
    expect(PROJECT_KEY_PATTERN.test(key)).toBe(valid);
  });
});

describe("formatCardKey", () => {
  it.each([
    { projectKey: "DEMO", number: 12, expected: "DEMO-12" },
    { projectKey: "A1", number: 1, expected: "A1-1" },
    { projectKey: "SHIPBOARD1", number: MAX_CARD_NUMBER, expected: "SHIPBOARD1-999999999" },
  ])("formats $expected and round-trips", ({ projectKey, number, expected }) => {
    expect(formatCardKey(projectKey, number)).toBe(expected);
    expect(parseCardKey(expected)).toEqual({ projectKey, number });
  });

  it.each([
    { projectKey: "demo", number: 1 },
    { projectKey: "D", number: 1 },
    { projectKey: "DEMO", number: 0 },
    { projectKey: "DEMO", number: -3 },
    { projectKey: "DEMO", number: 1.5 },
    { projectKey: "DEMO", number: Number.NaN },
    { projectKey: "DEMO", number: MAX_CARD_NUMBER + 1 },
  ])("throws on $projectKey / $number", ({ projectKey, number }) => {
    expect(() => formatCardKey(projectKey, number)).toThrow(RangeError);
  });
});

describe("parseCardKey", () => {
  it.each([
    { key: "DEMO-12", expected: { projectKey: "DEMO", number: 12 } },
    { key: "AB-1", expected: { projectKey: "AB", number: 1 } },
    { key: "X9Y-100", expected: { projectKey: "X9Y", number: 100 } },
    { key: "DEMO-999999999", expected: { projectKey: "DEMO", number: 999_999_999 } },
    { key: "demo-12", expected: null },
    { key: " DEMO-12", expected: null },
    { key: "DEMO-12 ", expected: null },
    { key: "DEMO-012", expected: null },
    { key: "DEMO-0", expected: null },
    { key: "DEMO--1", expected: null },
    { key: "DEMO-1000000000", expected: null },
    { key: "DEMO-1.5", expected: null },
    { key: "DEMO", expected: null },
    { key: "D-1", expected: null },
    { key: "12-1", expected: null },
    { key: "DEMO-12-3", expected: null },
    { key: "", expected: null },
  ])("$key → $expected", ({ key, expected }) => {
    expect(parseCardKey(key)).toEqual(expected);
  });
});
