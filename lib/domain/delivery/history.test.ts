import { describe, expect, it } from "vitest";
import { analyzeDeliveries, incidentLinker } from "./history";
import { deployment, t, weekOfDelivery } from "./testing";
import type { DeliveryHistory, Incident } from "./types";

const history = (deployments: DeliveryHistory["deployments"], incidents: Incident[] = []): DeliveryHistory => ({ ...weekOfDelivery, deployments, incidents });
const flags = (analysisHistory: DeliveryHistory) =>
  Object.fromEntries(analyzeDeliveries(analysisHistory).deployments.map((d) => [d.id, { failed: d.failed, rollback: d.rollback, rolledBack: d.rolledBack, unplanned: d.unplanned }]));

describe("reading a week of delivery", () => {
  const analysis = analyzeDeliveries(weekOfDelivery);
  const byId = Object.fromEntries(analysis.deployments.map((d) => [d.id, d]));

  it("ships each commit once per environment, and marks production", () => {
    expect(analysis.deployments.map((d) => [d.id, d.production, d.commits])).toEqual([
      ["s1", false, ["c1", "c2"]],
      ["d1", true, ["c1", "c2"]],
      ["d2", true, ["c3"]],
      ["d3", true, ["c3"]],
      ["d4", true, ["c4"]],
      ["d5", true, []],
      ["d6", true, ["c5"]],
    ]);
    // c6 was never deployed; c3 reached production with d3 (d2 failed).
    expect(Object.fromEntries([...analysis.firstInProduction].map(([sha, first]) => [sha, first.deploymentId]))).toEqual({ c1: "d1", c2: "d1", c3: "d3", c4: "d4", c5: "d6" });
  });

  it("flags the failure, the rollback, the rolled-back deployment and the incident's", () => {
    expect(flags(weekOfDelivery)).toEqual({
      s1: { failed: false, rollback: false, rolledBack: false, unplanned: false },
      d1: { failed: false, rollback: false, rolledBack: false, unplanned: false },
      d2: { failed: true, rollback: false, rolledBack: false, unplanned: false },
      // The fix lands within d2's recovery (12:00 → 14:00 Tuesday).
      d3: { failed: false, rollback: false, rolledBack: false, unplanned: true },
      // Rolled back by d5, and i1 links to it.
      d4: { failed: true, rollback: false, rolledBack: true, unplanned: false },
      d5: { failed: false, rollback: true, rolledBack: false, unplanned: true },
      // After i1 was resolved (Wednesday 16:00): planned again.
      d6: { failed: false, rollback: false, rolledBack: false, unplanned: false },
    });
    expect(byId.d4!.incidentIds).toEqual(["i1"]);
    expect(analysis.incidentLinks.get("i1")).toBe("d4");
  });

  it("measures each failure's recovery: the next successful deployment after a failed one, an incident's resolution", () => {
    // d4 was rolled back, but i1 is the same outage: its resolution is the one recovery counted.
    expect(analysis.recoveries).toEqual([
      { deploymentId: "d2", incidentId: null, environment: "production", failedAt: t("03 12:00"), recoveredAt: t("03 14:00") },
      { deploymentId: "d4", incidentId: "i1", environment: "production", failedAt: t("04 13:00"), recoveredAt: t("04 16:00") },
    ]);
  });
});

describe("rollbacks", () => {
  it("deploy a sha that went live before the live one; rolling forward again is not one", () => {
    const rolledBack = history([
      deployment("a", "production", "c1", "success", "02 10:00"),
      deployment("b", "production", "c2", "success", "02 11:00"),
      deployment("back", "production", "c1", "success", "02 12:00"),
      deployment("forward", "production", "c2", "success", "02 13:00"),
      deployment("again", "production", "c2", "success", "02 14:00"),
    ]);
    const result = flags(rolledBack);
    expect(Object.entries(result).map(([id, f]) => [id, f.rollback, f.rolledBack])).toEqual([
      ["a", false, false],
      ["b", false, true],
      ["back", true, false],
      ["forward", false, false],
      ["again", false, false],
    ]);
    // b failed by being rolled back; the rollback recovered it an hour later.
    expect(analyzeDeliveries(rolledBack).recoveries).toEqual([{ deploymentId: "b", incidentId: null, environment: "production", failedAt: t("02 11:00"), recoveredAt: t("02 12:00") }]);
  });

  it("roll nothing back when they fail, and are read per production environment only", () => {
    const result = flags(
      history([
        deployment("a", "production", "c1", "success", "02 10:00"),
        deployment("b", "production", "c2", "success", "02 11:00"),
        deployment("attempt", "production", "c1", "failure", "02 12:00"),
        deployment("s1", "staging", "c2", "success", "02 10:00"),
        deployment("s2", "staging", "c1", "success", "02 11:00"),
        deployment("eu", "live", "c1", "success", "02 13:00"),
      ]),
    );
    expect(result.attempt).toEqual({ failed: true, rollback: true, rolledBack: false, unplanned: true });
    expect(result.b!.rolledBack).toBe(false);
    expect(result.s2!.rollback).toBe(false);
    expect(result.eu!.rollback).toBe(false); // first deployment to "live"
  });
});

describe("linking an incident", () => {
  const analysis = analyzeDeliveries(weekOfDelivery);
  const incident = (fields: Partial<Incident>): Incident => ({ id: "i", openedAt: t("05 13:00"), resolvedAt: null, deploymentSha: null, cardKey: null, ...fields });
  const linkIncident = incidentLinker(analysis.deployments, weekOfDelivery.commits);
  const link = (fields: Partial<Incident>) => linkIncident(incident(fields))?.id ?? null;

  it("takes the latest successful production deployment of the named sha before it opened", () => {
    // c3 went live with d3 (Tuesday) and again with the rollback d5 (Wednesday); d2 failed.
    expect(link({ deploymentSha: "c3" })).toBe("d5");
    expect(link({ deploymentSha: "c3", openedAt: t("03 15:00") })).toBe("d3");
  });

  it("takes the earliest one when all came after it opened", () => {
    expect(link({ deploymentSha: "c3", openedAt: t("01 09:00") })).toBe("d3");
  });

  it("takes the deployment that shipped the named card's commits", () => {
    expect(link({ cardKey: "SHIP-1" })).toBe("d1");
  });

  it("falls back to the latest production deployment before it opened, and to none", () => {
    expect(link({})).toBe("d6");
    expect(link({ deploymentSha: "never-deployed", openedAt: t("03 13:00") })).toBe("d1"); // d2 failed: not live
    expect(link({ openedAt: t("01 09:00") })).toBeNull();
  });
});

describe("recoveries not over yet", () => {
  it("have no recovery time and mark no later deployment unplanned", () => {
    const analysis = analyzeDeliveries(
      history(
        [deployment("a", "production", "c1", "success", "02 10:00"), deployment("broken", "production", "c2", "failure", "02 11:00"), deployment("staging", "staging", "c2", "success", "02 12:00")],
        [{ id: "open", openedAt: t("02 10:30"), resolvedAt: null, deploymentSha: null, cardKey: null }],
      ),
    );
    expect(analysis.recoveries.map((r) => [r.deploymentId, r.incidentId, r.recoveredAt])).toEqual([
      ["a", "open", null],
      ["broken", null, null],
    ]);
    expect(analysis.deployments.map((d) => [d.id, d.failed, d.unplanned])).toEqual([
      ["a", true, false],
      ["broken", true, false],
      ["staging", false, false],
    ]);
  });

  it("are none for an empty history", () => {
    expect(analyzeDeliveries({ deployments: [], pushes: [], incidents: [], commits: [], productionEnvironments: null })).toEqual({
      deployments: [],
      incidentLinks: new Map(),
      recoveries: [],
      firstInProduction: new Map(),
    });
  });
});
