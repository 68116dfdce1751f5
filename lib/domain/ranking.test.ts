import { describe, it, expect } from "vitest";
import {
  MAX_RANK_LENGTH,
  compareRanks,
  needsRebalance,
  rankBetween,
  ranksBetween,
  rebalance,
} from "./ranking";

const isStrictlyAscending = (keys: readonly string[]) =>
  keys.every((key, i) => i === 0 || compareRanks(keys[i - 1] as string, key) < 0);

describe("rankBetween", () => {
  it.each([
    { before: null, after: null },
    { before: "a0", after: null },
    { before: null, after: "a0" },
    { before: "a0", after: "a1" },
    { before: "a0", after: "a0V" },
    { before: "Zz", after: "a0" },
    { before: "a0", after: "b00" },
  ])("puts a key strictly between $before and $after", ({ before, after }) => {
    const key = rankBetween(before, after);
    if (before !== null) expect(compareRanks(before, key)).toBe(-1);
    if (after !== null) expect(compareRanks(key, after)).toBe(-1);
    expect(needsRebalance(key)).toBe(false);
  });

  it("starts an empty list at a0", () => {
    expect(rankBetween(null, null)).toBe("a0");
  });

  it.each([
    { name: "reversed bounds", before: "a1", after: "a0" },
    { name: "equal bounds", before: "a1", after: "a1" },
    { name: "trailing-zero key", before: "a00", after: null },
    { name: "bad head", before: null, after: "!0" },
  ])("throws on $name", ({ before, after }) => {
    expect(() => rankBetween(before, after)).toThrow();
  });
});

describe("ranksBetween", () => {
  it.each([
    { before: null, after: null, n: 5 },
    { before: "a0", after: "a1", n: 10 },
    { before: "a0", after: "a0V", n: 100 },
    { before: null, after: "a0", n: 3 },
    { before: "a5", after: null, n: 4 },
    { before: "a0", after: "a1", n: 1 },
    { before: "a0", after: "a1", n: 0 },
  ])("gives $n ordered, unique keys between $before and $after", ({ before, after, n }) => {
    const keys = ranksBetween(before, after, n);
    expect(keys).toHaveLength(n);
    expect(new Set(keys).size).toBe(n);
    expect(isStrictlyAscending(keys)).toBe(true);
    for (const key of keys) {
      if (before !== null) expect(compareRanks(before, key)).toBe(-1);
      if (after !== null) expect(compareRanks(key, after)).toBe(-1);
    }
  });

  it("keeps a multi-card move's relative order when slotted into a list", () => {
    const keys = ranksBetween("a1", "a2", 3);
    const board = [
      { id: "x", key: "a1" },
      { id: "y", key: "a2" },
      ...["m1", "m2", "m3"].map((id, i) => ({ id, key: keys[i] as string })),
    ];
    const sorted = board.toSorted((a, b) => compareRanks(a.key, b.key)).map((c) => c.id);
    expect(sorted).toEqual(["x", "m1", "m2", "m3", "y"]);
  });

  it.each([{ n: -1 }, { n: 1.5 }, { n: Number.NaN }])("throws on count $n", ({ n }) => {
    expect(() => ranksBetween(null, null, n)).toThrow(RangeError);
  });

  it("throws on reversed bounds instead of returning a descending list", () => {
    expect(() => ranksBetween("a5", "a1", 3)).toThrow(RangeError);
  });
});

describe("needsRebalance", () => {
  it.each([
    { length: 2, expected: false },
    { length: MAX_RANK_LENGTH, expected: false },
    { length: MAX_RANK_LENGTH + 1, expected: true },
  ])("is $expected for a $length-character key", ({ length, expected }) => {
    expect(needsRebalance("a" + "V".repeat(length - 1))).toBe(expected);
  });
});

describe("rebalance", () => {
  it.each([{ n: 0 }, { n: 1 }, { n: 62 }, { n: 63 }, { n: 10_000 }])(
    "gives $n ids short keys in the same order",
    ({ n }) => {
      const ids = Array.from({ length: n }, (_, i) => `card-${n - i}`);
      const keys = rebalance(ids);
      expect([...keys.keys()]).toEqual(ids);
      const values = [...keys.values()];
      expect(isStrictlyAscending(values)).toBe(true);
      expect(Math.max(0, ...values.map((k) => k.length))).toBeLessThanOrEqual(4);
    },
  );

  it("throws on duplicate ids", () => {
    expect(() => rebalance(["a", "b", "a"])).toThrow(RangeError);
  });
});

describe("compareRanks", () => {
  it("sorts by code unit, where locale collation would not", () => {
    const keys = ["a1", "Zz", "a0V", "a0"];
    expect(keys.toSorted(compareRanks)).toEqual(["Zz", "a0", "a0V", "a1"]);
    expect(keys.toSorted((a, b) => a.localeCompare(b))).not.toEqual(keys.toSorted(compareRanks));
  });
});

interface Item {
  id: string;
  key: string;
}

/** The caller's protocol: insert, and rebalance the whole list when a key is too long. */
function simulateInserts(inserts: number, positionOf: (length: number) => number) {
  const list: Item[] = [...rebalance(["seed-0", "seed-1", "seed-2"])].map(([id, key]) => ({ id, key }));
  let rebalances = 0;
  let longestGenerated = 0;
  let longestPersisted = 0;
  for (let i = 0; i < inserts; i++) {
    const at = positionOf(list.length);
    const key = rankBetween(list[at - 1]?.key ?? null, list[at]?.key ?? null);
    longestGenerated = Math.max(longestGenerated, key.length);
    list.splice(at, 0, { id: `card-${i}`, key });
    if (needsRebalance(key)) {
      rebalances++;
      const fresh = rebalance(list.map((item) => item.id));
      for (const item of list) item.key = fresh.get(item.id) as string;
      longestPersisted = Math.max(longestPersisted, ...list.map((item) => item.key.length));
    } else {
      longestPersisted = Math.max(longestPersisted, key.length);
    }
  }
  return { list, rebalances, longestGenerated, longestPersisted };
}

const INSERTS = 10_000;
const newest = Array.from({ length: INSERTS }, (_, i) => `card-${INSERTS - 1 - i}`);

describe("10,000 inserts at the same position", () => {
  it.for([
    {
      name: "directly after the first item",
      positionOf: () => 1,
      intended: ["seed-0", ...newest, "seed-1", "seed-2"],
      // Each rebalance buys ~60 characters of headroom, about 360 inserts.
      rebalances: { min: 1, max: Math.ceil(INSERTS / 300) },
    },
    {
      name: "always at the top",
      positionOf: () => 0,
      intended: [...newest, "seed-0", "seed-1", "seed-2"],
      rebalances: { min: 0, max: 0 },
    },
    {
      name: "always at the bottom",
      positionOf: (length: number) => length,
      intended: ["seed-0", "seed-1", "seed-2", ...newest.toReversed()],
      rebalances: { min: 0, max: 0 },
    },
  ])("$name: keys stay ≤ MAX_RANK_LENGTH and in intended order", async ({ positionOf, intended, rebalances: expected }, { annotate }) => {
    const { list, rebalances, longestGenerated, longestPersisted } = simulateInserts(INSERTS, positionOf);
    await annotate(
      `rebalances=${rebalances} longestGenerated=${longestGenerated} longestPersisted=${longestPersisted}`,
    );

    expect(longestPersisted).toBeLessThanOrEqual(MAX_RANK_LENGTH);
    expect(list.every((item) => item.key.length <= MAX_RANK_LENGTH)).toBe(true);
    expect(new Set(list.map((item) => item.key)).size).toBe(list.length);
    const byKey = list.toSorted((a, b) => compareRanks(a.key, b.key)).map((item) => item.id);
    expect(byKey).toEqual(intended);
    expect(rebalances).toBeGreaterThanOrEqual(expected.min);
    expect(rebalances).toBeLessThanOrEqual(expected.max);
    if (expected.max === 0) expect(longestGenerated).toBeLessThanOrEqual(4);
  });

  it("without rebalancing, inserting after one item grows the key linearly", async ({ annotate }) => {
    const lengths = new Map<number, number>();
    let after = "a1";
    for (let i = 1; i <= 1_000; i++) {
      after = rankBetween("a0", after);
      lengths.set(i, after.length);
    }
    await annotate(`key length after 10/100/400/1000 inserts: ${[10, 100, 400, 1_000].map((n) => lengths.get(n)).join("/")}`);
    // About one character per six inserts.
    expect(lengths.get(10)).toBeLessThanOrEqual(5);
    expect(lengths.get(100)).toBeGreaterThan(10);
    expect(lengths.get(400)).toBeGreaterThan(MAX_RANK_LENGTH);
    expect(lengths.get(1_000)).toBeGreaterThan(150);
  });
});
