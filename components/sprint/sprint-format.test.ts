import { describe, expect, it } from "vitest";
import { daysLeftText, sprintPeriod } from "./sprint-format";

const sprint = { startDate: "2026-03-02T00:00:00.000Z", endDate: "2026-03-16T00:00:00.000Z", startedAt: "2026-03-02T09:00:00.000Z", completedAt: null };

describe("sprintPeriod", () => {
  it("labels a planned sprint's dates as planned", () => {
    expect(sprintPeriod({ ...sprint, state: "planned", startedAt: null })).toBe("Planned Mar 2 – Mar 16");
    expect(sprintPeriod({ ...sprint, state: "planned", startDate: null, endDate: null, startedAt: null })).toBeNull();
  });

  it("shows a running sprint's dates", () => {
    expect(sprintPeriod({ ...sprint, state: "active" })).toBe("Mar 2 – Mar 16");
  });

  it("shows the actual days of a sprint closed early, with the planned ones labelled", () => {
    expect(sprintPeriod({ ...sprint, state: "closed", completedAt: "2026-03-09T15:00:00.000Z" })).toBe(
      "Ran Mar 2 – Mar 9, closed 7 days early (planned Mar 2 – Mar 16)",
    );
  });

  it("says when a sprint closed late, and nothing more when on its end day", () => {
    expect(sprintPeriod({ ...sprint, state: "closed", completedAt: "2026-03-17T08:00:00.000Z" })).toBe("Ran Mar 2 – Mar 17, closed 1 day late (planned Mar 2 – Mar 16)");
    expect(sprintPeriod({ ...sprint, state: "closed", completedAt: "2026-03-16T17:00:00.000Z" })).toBe("Ran Mar 2 – Mar 16");
  });
});

describe("daysLeftText", () => {
  it.each([
    [9, "9 days left"],
    [1, "1 day left"],
    [0, "Last day"],
    [-1, "1 day over"],
    [-3, "3 days over"],
  ])("%i → %s", (days, text) => {
    expect(daysLeftText(days)).toBe(text);
  });
});
