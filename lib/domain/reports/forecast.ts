/**
 * Monte Carlo forecasts from past daily throughput: each trial draws days at random (with
 * replacement) from the window's daily counts, zero days included.
 */
import { addDays } from "./dates";
import { nearestRank } from "./percentiles";

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_WINDOW_DAYS = 60;
/** A trial that has not finished after this many days never will at this pace (the answer is null). */
const HORIZON_DAYS = 3_650;

export type Random = () => number;

/** A small seedable generator (mulberry32) so tests can replay a forecast exactly. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const LEVELS = [50, 70, 85, 95] as const;
type Levels<T> = { p50: T; p70: T; p85: T; p95: T };

const draw = (samples: readonly number[], random: Random) => samples[Math.floor(random() * samples.length)]!;

/**
 * "When will these N cards be done": per confidence level, the day by which that share of trials
 * finished (nearest rank over trial lengths). Day 1 is the day after `today`. Null when the window
 * finished nothing or the pace is too slow to finish within ten years.
 */
export function forecastItems(input: { samples: readonly number[]; items: number; today: string; trials: number; random: Random }): Levels<string | null> {
  const { samples, items, today, trials, random } = input;
  const none = { p50: null, p70: null, p85: null, p95: null };
  if (!samples.some((count) => count > 0)) return none;
  const lengths: number[] = [];
  for (let trial = 0; trial < trials; trial++) {
    let done = 0;
    let days = 0;
    while (done < items && days < HORIZON_DAYS) {
      days += 1;
      done += draw(samples, random);
    }
    lengths.push(done >= items ? days : Infinity);
  }
  const at = (p: number) => {
    const days = nearestRank(lengths, p)!;
    return Number.isFinite(days) ? addDays(today, days) : null;
  };
  return Object.fromEntries(LEVELS.map((p) => [`p${p}`, at(p)])) as Levels<string | null>;
}

/**
 * "How many cards by day D": per confidence level p, the count N such that p % of trials finished
 * N or more (the (100 − p)th nearest-rank percentile of trial totals). `days` counts from tomorrow.
 */
export function forecastUntil(input: { samples: readonly number[]; days: number; trials: number; random: Random }): Levels<number> {
  const { samples, days, trials, random } = input;
  const totals: number[] = [];
  for (let trial = 0; trial < trials; trial++) {
    let total = 0;
    for (let day = 0; day < days; day++) total += samples.length ? draw(samples, random) : 0;
    totals.push(total);
  }
  return Object.fromEntries(LEVELS.map((p) => [`p${p}`, nearestRank(totals, 100 - p) ?? 0])) as Levels<number>;
}
