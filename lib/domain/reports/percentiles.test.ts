import { describe, expect, it } from "vitest";
import { median, nearestRank, percentiles } from "./percentiles";

describe("nearest-rank percentiles", () => {
  it("takes the ⌈p·n⌉-th smallest value, whatever the input order", () => {
    const days = [7, 1, 3, 2, 10, 4, 5, 6, 9, 8]; // 1…10
    // p50: rank ⌈5⌉ = 5 → 5; p70: ⌈7⌉ → 7; p85: ⌈8.5⌉ = 9 → 9; p95: ⌈9.5⌉ = 10 → 10.
    expect(percentiles(days)).toEqual({ p50: 5, p70: 7, p85: 9, p95: 10 });
  });

  it("never interpolates", () => {
    expect(nearestRank([1, 100], 50)).toBe(1);
    expect(nearestRank([1, 100], 51)).toBe(100);
  });

  it("is the only value for one value, and null for none", () => {
    expect(percentiles([4])).toEqual({ p50: 4, p70: 4, p85: 4, p95: 4 });
    expect(percentiles([])).toEqual({ p50: null, p70: null, p85: null, p95: null });
  });
});

describe("median", () => {
  it("is the middle value of an odd count and interpolates an even one, like Four Keys' PERCENTILE_CONT", () => {
    expect(median([9, 1, 5])).toBe(5);
    // 1, 100: nearest rank says 1, the interpolated median says (1 + 100) / 2.
    expect(median([100, 1])).toBe(50.5);
    expect(median([0, 0, 1, 1])).toBe(0.5);
  });

  it("is null for no values", () => {
    expect(median([])).toBeNull();
  });
});
