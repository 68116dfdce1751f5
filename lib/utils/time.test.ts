import { describe, expect, it } from "vitest";
import { formatDate, formatExact, formatRelative } from "./time";

const now = new Date("2026-12-05T12:00:00Z");
const before = (ms: number) => new Date(now.getTime() - ms);

describe("formatRelative", () => {
  it.each([
    [0, "just now"],
    [59_000, "just now"],
    [60_000, "1 min ago"],
    [45 * 60_000, "45 min ago"],
    [3 * 3_600_000 + 5 * 60_000, "3 h ago"],
    [23 * 3_600_000, "23 h ago"],
    [2 * 86_400_000, "2 d ago"],
    [29 * 86_400_000, "29 d ago"],
    [-2 * 3_600_000, "in 2 h"],
  ])("%i ms ago → %s", (ms, text) => {
    expect(formatRelative(before(ms), now)).toBe(text);
  });

  it("gives the date past a month", () => {
    expect(formatRelative(before(40 * 86_400_000), now)).toBe(formatDate(before(40 * 86_400_000)));
  });
});

describe("formatDate and formatExact", () => {
  it("use one format: day, short month, year (and 24-hour time)", () => {
    expect(formatDate(new Date(2026, 10, 4, 14, 3))).toBe("4 Nov 2026");
    expect(formatExact(new Date(2026, 10, 4, 14, 3))).toBe("4 Nov 2026, 14:03");
  });
});
