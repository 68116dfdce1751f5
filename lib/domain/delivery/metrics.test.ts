import { describe, expect, it } from "vitest";
import { analyzeDeliveries } from "./history";
import { commitTime, deliveryMetrics, hoursBetween } from "./metrics";
import { deployment, t, weekOfDelivery } from "./testing";
import type { DeliveryHistory } from "./types";

const metricsOf = (history: DeliveryHistory, from: string, to: string, timeZone = "UTC") => deliveryMetrics(analyzeDeliveries(history), history.commits, { from, to, timeZone });

describe("the DORA measures of a week of delivery", () => {
  const week = metricsOf(weekOfDelivery, "2026-03-02", "2026-03-08");

  it("count the successful production deployments: 5 in 7 days, on 4 days of one week", () => {
    // d1, d3, d4, d5, d6 (d2 failed; s1 is staging): 5 / 7 = 0.714… a day.
    expect(week.deploymentFrequency).toEqual({ perDay: 0.71, perWeek: 5, bucket: "daily" });
  });

  it("take the median lead time of the shipped commits", () => {
    // c1 08:00 → d1 12:00 = 4 h; c2 08:30 → 3.5 h; c3 (author time only) 09:00 → d3 14:00 = 5 h;
    // c4 09:30 → d4 12:00 = 2.5 h; c5 09:00 → d6 12:00 = 3 h. Sorted 2.5, 3, 3.5, 4, 5 → 3.5.
    // c6 was never deployed.
    expect(week.changeLeadTime).toEqual({ medianHours: 3.5 });
  });

  it("rate failures and rework over the 6 production deployments", () => {
    // Failed: d2 (failed), d4 (rolled back, caused i1) → 2 / 6. Unplanned: d3 (the fix within d2's
    // recovery), d5 (the rollback) → 2 / 6.
    expect(week.changeFailureRate).toBeCloseTo(1 / 3);
    expect(week.reworkRate).toBeCloseTo(1 / 3);
    expect(week.deployments.map((d) => d.id)).toEqual(["d1", "d2", "d3", "d4", "d5", "d6"]);
  });

  it("take the median recovery: d2 → d3 2 h, i1 opened → resolved 3 h (d4's rollback is the same outage)", () => {
    expect(week.recoveryTime).toEqual({ medianHours: 2.5 });
  });
});

describe("a range's edges", () => {
  it("keep only what finished (or failed) on the range's days", () => {
    // Tuesday–Wednesday: d2, d3, d4, d5. Lead times c3 5 h, c4 2.5 h → 3.75, shown as 3.8.
    // Failures d2, d4 → 2 / 4; unplanned d3, d5 → 2 / 4; recoveries 2 h (d2), 3 h (i1) → 2.5;
    // 3 successful deployments in 2 days; one short week with 2 days deployed → weekly.
    const midweek = metricsOf(weekOfDelivery, "2026-03-03", "2026-03-04");
    expect(midweek).toMatchObject({
      deploymentFrequency: { perDay: 1.5, perWeek: 10.5, bucket: "weekly" },
      changeLeadTime: { medianHours: 3.8 },
      changeFailureRate: 0.5,
      recoveryTime: { medianHours: 2.5 },
      reworkRate: 0.5,
    });
  });

  it("are the project's calendar days", () => {
    // Thursday in Tokyo (UTC+9) starts at Wednesday 15:00 UTC: the rollback d5 finished then, so it
    // counts on Thursday there, with d6 (Thursday 12:00 UTC = 21:00). In Los Angeles (UTC−8) d5 is
    // Wednesday 07:00 and d6 Thursday 04:00.
    expect(metricsOf(weekOfDelivery, "2026-03-05", "2026-03-05", "Asia/Tokyo").deployments.map((d) => d.id)).toEqual(["d5", "d6"]);
    expect(metricsOf(weekOfDelivery, "2026-03-05", "2026-03-05", "America/Los_Angeles").deployments.map((d) => d.id)).toEqual(["d6"]);
  });

  it("give no numbers when nothing was deployed", () => {
    expect(metricsOf(weekOfDelivery, "2026-03-09", "2026-03-15")).toEqual({
      deploymentFrequency: { perDay: 0, perWeek: 0, bucket: null },
      changeLeadTime: { medianHours: null },
      changeFailureRate: null,
      recoveryTime: { medianHours: null },
      reworkRate: null,
      deployments: [],
    });
  });
});

describe("what the measures leave out", () => {
  it("ignores cancelled and running deployments, and negative lead times", () => {
    const history: DeliveryHistory = {
      ...weekOfDelivery,
      // c0 claims a commit time after its deployment (a skewed clock).
      commits: [...weekOfDelivery.commits, { sha: "c0", authoredAt: null, committedAt: t("02 13:00"), cardKeys: [] }],
      pushes: [{ ref: "main", shas: ["c0", "c1"], at: t("02 09:00") }],
      deployments: [
        deployment("cancelled", "production", "c0", "cancelled", "02 11:00"),
        { ...deployment("running", "production", "c1", "running", "02 11:30"), finishedAt: null, startedAt: t("02 11:30") },
        deployment("d1", "production", "c1", "success", "02 12:00"),
      ],
      incidents: [],
    };
    // d1 ships c0 (−1 h, left out) and c1 (4 h).
    const day = metricsOf(history, "2026-03-02", "2026-03-02");
    expect(day.deployments.map((d) => d.id)).toEqual(["d1"]);
    expect(day.changeLeadTime.medianHours).toBe(4);
    expect(day.changeFailureRate).toBe(0);
  });

  it("dates a commit by its committer, else its author", () => {
    expect(commitTime({ sha: "a", authoredAt: t("02 08:00"), committedAt: t("02 09:00"), cardKeys: [] })).toEqual(t("02 09:00"));
    expect(commitTime({ sha: "b", authoredAt: t("02 08:00"), committedAt: null, cardKeys: [] })).toEqual(t("02 08:00"));
    expect(commitTime({ sha: "c", authoredAt: null, committedAt: null, cardKeys: [] })).toBeNull();
  });

  it("rounds hours to one decimal", () => {
    expect(hoursBetween(t("02 08:00"), t("02 09:20"))).toBe(1.3);
  });
});
