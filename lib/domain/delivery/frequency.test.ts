import { describe, expect, it } from "vitest";
import { deploymentFrequency } from "./frequency";

const utc = (from: string, to: string) => ({ from, to, timeZone: "UTC" });
/** Deployments at noon UTC on the given days. */
const at = (...days: string[]) => days.map((day) => new Date(`${day}T12:00:00Z`));

describe("deployment frequency", () => {
  it("counts per day and per week of the range, ignoring deployments outside it", () => {
    // 5 deployments in the 14 days of 2–15 March, one on 1 March outside: 5/14 = 0.357… a day, 2.5 a week.
    const finishes = at("2026-03-01", "2026-03-02", "2026-03-02", "2026-03-05", "2026-03-10", "2026-03-15");
    expect(deploymentFrequency(finishes, utc("2026-03-02", "2026-03-15"))).toEqual({ perDay: 0.36, perWeek: 2.5, bucket: "weekly" });
  });

  it("places a deployment on its day in the project's time zone", () => {
    // 23:30 UTC on 15 March is 16 March in Berlin, after the range.
    const late = [new Date("2026-03-15T23:30:00Z")];
    expect(deploymentFrequency(late, utc("2026-03-09", "2026-03-15")).perWeek).toBe(1);
    expect(deploymentFrequency(late, { from: "2026-03-09", to: "2026-03-15", timeZone: "Europe/Berlin" }).perWeek).toBe(0);
  });

  it("has no bucket when nothing was deployed", () => {
    expect(deploymentFrequency([], utc("2026-03-02", "2026-03-08"))).toEqual({ perDay: 0, perWeek: 0, bucket: null });
  });
});

describe("the Four Keys bucket", () => {
  // Four ISO weeks: 2–8, 9–15, 16–22, 23–29 March 2026.
  const march = utc("2026-03-02", "2026-03-29");

  it("is daily when the median week has deployments on three days or more", () => {
    // Days deployed per week: 3, 3, 1, 4 → median (3 + 3) / 2 = 3. Several on one day count once.
    const finishes = at("2026-03-02", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-16", "2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26");
    expect(deploymentFrequency(finishes, march).bucket).toBe("daily");
    // Without the fourth week's Thursday: 3, 3, 1, 3 → still 3; without a Monday of week 2: 3, 2, 1, 4 → 2.5.
    expect(deploymentFrequency(finishes.slice(0, 11), march).bucket).toBe("daily");
    expect(deploymentFrequency([...finishes.slice(0, 4), ...finishes.slice(5)], march).bucket).toBe("weekly");
  });

  it("is weekly when most weeks had a deployment, monthly when only half did", () => {
    // Weeks with a deployment 1, 1, 1, 0 → median 1: weekly. 1, 1, 0, 0 → median 0.5: not weekly, and
    // March (the only month) had 2 deployments → monthly.
    expect(deploymentFrequency(at("2026-03-02", "2026-03-09", "2026-03-16"), march).bucket).toBe("weekly");
    expect(deploymentFrequency(at("2026-03-02", "2026-03-09"), march).bucket).toBe("monthly");
  });

  it("is monthly when the median month had a deployment, yearly otherwise", () => {
    // January–March 2026: deployments per month 1, 1, 0 → median 1; 1, 0, 0 → median 0.
    const quarter = utc("2026-01-01", "2026-03-31");
    expect(deploymentFrequency(at("2026-01-15", "2026-02-15"), quarter).bucket).toBe("monthly");
    expect(deploymentFrequency(at("2026-01-15"), quarter).bucket).toBe("yearly");
  });

  it("counts only the range's days of a week cut by its edges", () => {
    // 4–8 March (Wednesday–Sunday) is one short week: 3 days deployed → daily.
    expect(deploymentFrequency(at("2026-03-04", "2026-03-05", "2026-03-08"), utc("2026-03-04", "2026-03-08")).bucket).toBe("daily");
  });
});
