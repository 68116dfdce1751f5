import { describe, expect, it } from "vitest";
import { addDays, dayOf, daysBetween, eachDay, isoWeekStart, isTimeZone, startOfDay } from "./dates";

describe("calendar days in a time zone", () => {
  it("puts an instant on the day of the zone's wall clock", () => {
    const instant = new Date("2026-03-01T23:30:00Z");
    expect(dayOf(instant, "UTC")).toBe("2026-03-01");
    expect(dayOf(instant, "Europe/Berlin")).toBe("2026-03-02"); // 00:30 local
    expect(dayOf(instant, "America/New_York")).toBe("2026-03-01"); // 18:30 local
    expect(dayOf(new Date("2026-03-02T03:00:00Z"), "America/New_York")).toBe("2026-03-01"); // 22:00 local
  });

  it("places instants on the day a DST change starts or ends", () => {
    // Berlin, 29 March 2026: 01:30 CET, then 00:30 CEST on the 30th.
    expect(dayOf(new Date("2026-03-29T00:30:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(dayOf(new Date("2026-03-29T21:59:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(dayOf(new Date("2026-03-29T22:30:00Z"), "Europe/Berlin")).toBe("2026-03-30");
    // New York, 1 November 2026 (back to EST): 23:30 EST is 04:30 UTC the next day.
    expect(dayOf(new Date("2026-11-02T04:30:00Z"), "America/New_York")).toBe("2026-11-01");
    expect(dayOf(new Date("2026-11-02T05:30:00Z"), "America/New_York")).toBe("2026-11-02");
  });

  it("finds the first instant of a local day, across a DST change", () => {
    expect(startOfDay("2026-03-02", "UTC").toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(startOfDay("2026-03-02", "Europe/Berlin").toISOString()).toBe("2026-03-01T23:00:00.000Z");
    // Berlin moves to summer time on 29 March 2026: that day starts at +01:00, the next at +02:00.
    expect(startOfDay("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDay("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDay("2026-06-15", "Asia/Kolkata").toISOString()).toBe("2026-06-14T18:30:00.000Z");
  });

  it("counts and lists days, and finds ISO week Mondays", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(daysBetween("2026-12-30", "2027-01-02")).toBe(3);
    expect(eachDay("2026-02-27", "2026-03-01")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
    expect(isoWeekStart("2026-12-06")).toBe("2026-11-30"); // a Sunday belongs to the week before
    expect(isoWeekStart("2026-11-30")).toBe("2026-11-30");
  });

  it("knows time zone names", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
