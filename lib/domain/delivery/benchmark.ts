/**
 * The DORA 2024 benchmark (Accelerate State of DevOps Report 2024, software delivery performance
 * levels), shown beside a project's numbers as "DORA 2024 benchmark": a reference, never a grade.
 *
 * Values as published for the four levels. They were checked against a secondary source, the Octopus
 * Deploy write-up of the 2024 clusters (OctopusDeploy/blog, blog/2024-10/2024-devops-performance-
 * clusters), not against the report's PDF, which was not at hand: re-check them against
 * https://dora.dev/research/2024/dora-report/ before relying on them.
 *
 * The published levels are survey answer ranges; their numeric edges here are Shipboard's reading:
 * a month is 365.25 / 12 days, ranges are [min, max) (so a value on a shared edge belongs to the band
 * above it), and a "less than" range has no minimum. Change failure rates were published as one
 * typical rate per level (and the high level's is above the medium one's), so they have no range.
 */

export const DORA_BENCHMARK_LABEL = "DORA 2024 benchmark";

export type BenchmarkLevel = "elite" | "high" | "medium" | "low";

export interface BenchmarkBand {
  level: BenchmarkLevel;
  /** The report's wording. */
  published: string;
  /** Inclusive; null for none. */
  min: number | null;
  /** Exclusive; null for none. */
  max: number | null;
}

export interface RateBenchmark {
  level: BenchmarkLevel;
  published: string;
  /** 0…1. */
  rate: number;
}

const DAY_HOURS = 24;
const WEEK_HOURS = 7 * DAY_HOURS;
const MONTH_DAYS = 365.25 / 12;
const MONTH_HOURS = MONTH_DAYS * DAY_HOURS;

export const DORA_2024_BENCHMARK = {
  label: DORA_BENCHMARK_LABEL,
  /** Successful production deployments per week. */
  deploymentFrequency: [
    { level: "elite", published: "On demand (multiple deploys per day)", min: 7, max: null },
    { level: "high", published: "Between once per day and once per week", min: 1, max: 7 },
    { level: "medium", published: "Between once per week and once per month", min: 7 / MONTH_DAYS, max: 1 },
    { level: "low", published: "Between once per month and once every six months", min: 7 / (6 * MONTH_DAYS), max: 7 / MONTH_DAYS },
  ],
  /** Hours. */
  changeLeadTime: [
    { level: "elite", published: "Less than one day", min: null, max: DAY_HOURS },
    { level: "high", published: "Between one day and one week", min: DAY_HOURS, max: WEEK_HOURS },
    { level: "medium", published: "Between one week and one month", min: WEEK_HOURS, max: MONTH_HOURS },
    { level: "low", published: "Between one month and six months", min: MONTH_HOURS, max: 6 * MONTH_HOURS },
  ],
  changeFailureRate: [
    { level: "elite", published: "5%", rate: 0.05 },
    { level: "high", published: "20%", rate: 0.2 },
    { level: "medium", published: "10%", rate: 0.1 },
    { level: "low", published: "40%", rate: 0.4 },
  ],
  /** Failed deployment recovery time, hours. */
  recoveryTime: [
    { level: "elite", published: "Less than one hour", min: null, max: 1 },
    { level: "high", published: "Less than one day", min: null, max: DAY_HOURS },
    { level: "medium", published: "Less than one day", min: null, max: DAY_HOURS },
    { level: "low", published: "Between one week and one month", min: WEEK_HOURS, max: MONTH_HOURS },
  ],
} as const satisfies {
  label: string;
  deploymentFrequency: readonly BenchmarkBand[];
  changeLeadTime: readonly BenchmarkBand[];
  changeFailureRate: readonly RateBenchmark[];
  recoveryTime: readonly BenchmarkBand[];
};

/**
 * The published bands whose range holds the value: none (between or beyond the published ranges),
 * one, or several where the report's ranges overlap (recovery: elite, high and medium all include
 * "less than one hour").
 */
export function bandsContaining(bands: readonly BenchmarkBand[], value: number): BenchmarkLevel[] {
  return bands.filter((band) => (band.min === null || value >= band.min) && (band.max === null || value < band.max)).map((band) => band.level);
}
