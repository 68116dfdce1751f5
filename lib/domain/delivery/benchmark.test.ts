import { describe, expect, it } from "vitest";
import { bandsContaining, DORA_2024_BENCHMARK } from "./benchmark";

describe("the DORA 2024 benchmark", () => {
  it("is labelled as a benchmark and gives all four levels for each measure", () => {
    expect(DORA_2024_BENCHMARK.label).toBe("DORA 2024 benchmark");
    for (const bands of [DORA_2024_BENCHMARK.deploymentFrequency, DORA_2024_BENCHMARK.changeLeadTime, DORA_2024_BENCHMARK.changeFailureRate, DORA_2024_BENCHMARK.recoveryTime]) {
      expect(bands.map((band) => band.level)).toEqual(["elite", "high", "medium", "low"]);
    }
    // As published in 2024: the high level's typical change failure rate is above the medium one's.
    expect(DORA_2024_BENCHMARK.changeFailureRate.map((band) => band.rate)).toEqual([0.05, 0.2, 0.1, 0.4]);
  });

  it("finds the band holding a deployment frequency (per week), an edge going to the band above", () => {
    const frequency = DORA_2024_BENCHMARK.deploymentFrequency;
    expect([10, 7, 3, 1, 0.5, 0.1, 0.01].map((perWeek) => bandsContaining(frequency, perWeek))).toEqual([["elite"], ["elite"], ["high"], ["high"], ["medium"], ["low"], []]);
  });

  it("finds the band holding a lead time in hours", () => {
    const leadTime = DORA_2024_BENCHMARK.changeLeadTime;
    // 1 month = 730.5 hours; 6 months = 4,383.
    expect([2, 24, 100, 700, 731, 5000].map((hours) => bandsContaining(leadTime, hours))).toEqual([["elite"], ["high"], ["high"], ["medium"], ["low"], []]);
  });

  it("gives every overlapping recovery band, and none between one day and one week", () => {
    const recovery = DORA_2024_BENCHMARK.recoveryTime;
    expect(bandsContaining(recovery, 0.5)).toEqual(["elite", "high", "medium"]);
    expect(bandsContaining(recovery, 5)).toEqual(["high", "medium"]);
    expect(bandsContaining(recovery, 48)).toEqual([]);
    expect(bandsContaining(recovery, 200)).toEqual(["low"]);
  });
});
