import { describe, expect, it } from "vitest";
import { forecastItems, forecastUntil, seededRandom } from "./forecast";

const trials = 10_000;

describe("Monte Carlo forecast", () => {
  it("is exact when every day finishes the same number of cards", () => {
    // 2 a day: 10 cards take 5 days; 4 days bring 8 cards.
    const dates = forecastItems({ samples: [2, 2], items: 10, today: "2026-03-01", trials, random: seededRandom(1) });
    expect(dates).toEqual({ p50: "2026-03-06", p70: "2026-03-06", p85: "2026-03-06", p95: "2026-03-06" });
    expect(forecastUntil({ samples: [2, 2], days: 4, trials, random: seededRandom(1) })).toEqual({ p50: 8, p70: 8, p85: 8, p95: 8 });
  });

  it("gives later dates for higher confidence", () => {
    // Days finish 1 card (25 %) or 3 (75 %). Three cards take 1 day with 75 %, 2 days with a further
    // 0.25 × 0.75 = 18.75 % (93.75 % by then), else 3 days. So p50 and p70: 1 day, p85: 2, p95: 3.
    const dates = forecastItems({ samples: [1, 3, 3, 3], items: 3, today: "2026-03-01", trials, random: seededRandom(42) });
    expect(dates).toEqual({ p50: "2026-03-02", p70: "2026-03-02", p85: "2026-03-03", p95: "2026-03-04" });
  });

  it("gives fewer cards for higher confidence, as 'N or more'", () => {
    // One day: 3 cards in 75 % of trials, 1 in 25 %. "3 or more" holds with 50 % and 70 %, not 85 %.
    expect(forecastUntil({ samples: [1, 3, 3, 3], days: 1, trials, random: seededRandom(7) })).toEqual({ p50: 3, p70: 3, p85: 1, p95: 1 });
  });

  it("replays exactly with the same seed", () => {
    const run = (seed: number) => forecastUntil({ samples: [0, 1, 4, 0, 2], days: 20, trials: 500, random: seededRandom(seed) });
    expect(run(9)).toEqual(run(9));
  });

  it("has no date when the window finished nothing", () => {
    expect(forecastItems({ samples: [0, 0, 0], items: 1, today: "2026-03-01", trials, random: seededRandom(1) })).toEqual({ p50: null, p70: null, p85: null, p95: null });
    expect(forecastUntil({ samples: [0, 0], days: 10, trials: 100, random: seededRandom(1) })).toEqual({ p50: 0, p70: 0, p85: 0, p95: 0 });
  });
});
