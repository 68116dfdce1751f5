import { describe, expect, it } from "vitest";
import { cardDelivery, type CardDeliveryFacts } from "./card";
import { analyzeDeliveries } from "./history";
import { shasByCard } from "./shipped";
import { t, weekOfDelivery } from "./testing";

const analysis = analyzeDeliveries(weekOfDelivery);
const shas = shasByCard(weekOfDelivery.commits);
const incidents = [...weekOfDelivery.incidents, { id: "i2", openedAt: t("03 16:00"), resolvedAt: null, deploymentSha: null, cardKey: "SHIP-2" }];

/** SHIP-2 (commit c3): created Sunday, started Monday 09:00, PR #7 opened 15:00, merged Tuesday 11:00, Done 12:00. */
const ship2: CardDeliveryFacts = {
  key: "SHIP-2",
  createdAt: t("01 09:00"),
  startedAt: t("02 09:00"),
  finishedAt: t("03 12:00"),
  pullRequests: [{ number: 7, openedAt: t("02 15:00"), mergedAt: t("03 11:00") }],
  columnEntries: [
    { columnId: "review", column: "Review", at: t("02 15:00") },
    { columnId: "todo", column: "To do", at: t("01 09:00") },
    { columnId: "doing", column: "Doing", at: t("02 09:00") },
    { columnId: "done", column: "Done", at: t("03 12:00") },
  ],
};

describe("a card's delivery", () => {
  const delivery = cardDelivery(ship2, shas.get("SHIP-2")!, analysis, incidents);

  it("reaches production with the first successful deployment of its commit", () => {
    // d2 (Tuesday 12:00) failed; d3 shipped c3 at 14:00.
    expect(delivery.production).toEqual({ deploymentId: "d3", environment: "production", at: t("03 14:00") });
    // Created Sunday 09:00 → Tuesday 14:00 = 53 h; started Monday 09:00 → 29 h.
    expect(delivery.leadTimeHours).toBe(53);
    expect(delivery.deliveryTimeHours).toBe(29);
  });

  it("breaks the delivery time into in progress, review and waiting to deploy", () => {
    // 09:00 → PR 15:00 = 6 h; → merge Tuesday 11:00 = 20 h; → production 14:00 = 3 h. 6 + 20 + 3 = 29.
    expect(delivery.breakdown).toEqual({ inProgressHours: 6, reviewHours: 20, waitingToDeployHours: 3 });
  });

  it("counts the time in each column between started and production", () => {
    // To do ends when work starts; Doing 6 h; Review 15:00 → Tuesday 12:00 = 21 h; Done 12:00 → 14:00 = 2 h.
    expect(delivery.columns).toEqual([
      { columnId: "doing", column: "Doing", hours: 6 },
      { columnId: "review", column: "Review", hours: 21 },
      { columnId: "done", column: "Done", hours: 2 },
    ]);
  });

  it("lays out its road to production in time order", () => {
    // c3 never went to staging; the rollback d5 redeployed it but shipped nothing new. i2 names the card.
    expect(delivery.timeline).toEqual([
      { kind: "started", at: t("02 09:00") },
      { kind: "pr-opened", at: t("02 15:00"), number: 7 },
      { kind: "merged", at: t("03 11:00"), number: 7 },
      { kind: "deployed", at: t("03 14:00"), environment: "production", production: true, deploymentId: "d3" },
      { kind: "incident", at: t("03 16:00"), incidentId: "i2", resolvedAt: null },
    ]);
  });
});

describe("a card's road", () => {
  it("shows each environment first reached, and the incidents of the deployments that shipped it", () => {
    // SHIP-1 (c1, c2) reached staging with s1, production with d1. c4's card would get i1 (linked to d4).
    const ship1 = cardDelivery({ ...ship2, key: "SHIP-1", pullRequests: [], startedAt: null, finishedAt: null }, shas.get("SHIP-1")!, analysis, incidents);
    expect(ship1.timeline.map((event) => [event.kind, event.at])).toEqual([
      ["deployed", t("02 10:00")],
      ["deployed", t("02 12:00")],
    ]);
    expect(ship1.leadTimeHours).toBe(27);
    expect([ship1.deliveryTimeHours, ship1.breakdown, ship1.columns]).toEqual([null, null, []]);

    const c4Card = cardDelivery({ ...ship2, key: "SHIP-4", pullRequests: [], startedAt: null }, ["c4"], analysis, incidents);
    expect(c4Card.timeline.filter((event) => event.kind === "incident").map((event) => event.at)).toEqual([t("04 13:00")]);
  });

  it("stops before production for commits never deployed, and with no commits", () => {
    const ship3 = cardDelivery({ ...ship2, key: "SHIP-3" }, shas.get("SHIP-3")!, analysis, []);
    expect(ship3).toMatchObject({ production: null, leadTimeHours: null, deliveryTimeHours: null, breakdown: null, columns: [] });
    expect(ship3.timeline.map((event) => event.kind)).toEqual(["started", "pr-opened", "merged"]);
    expect(cardDelivery({ ...ship2, key: "EMPTY", pullRequests: [], startedAt: null }, [], analysis, []).timeline).toEqual([]);
  });

  it("has no delivery time when started after production, and moves cuts outside started…production to its ends", () => {
    const late = cardDelivery({ ...ship2, startedAt: t("03 15:00") }, ["c3"], analysis, []);
    expect([late.leadTimeHours, late.deliveryTimeHours, late.breakdown]).toEqual([53, null, null]);

    // PR opened before the start, never merged, card never finished: all review, nothing waiting.
    const noMerge = cardDelivery({ ...ship2, finishedAt: null, pullRequests: [{ number: 8, openedAt: t("01 10:00"), mergedAt: null }] }, ["c3"], analysis, []);
    expect(noMerge.breakdown).toEqual({ inProgressHours: 0, reviewHours: 29, waitingToDeployHours: 0 });

    // No PR: in progress until Done (Tuesday 12:00), then waiting 2 h.
    const noPr = cardDelivery({ ...ship2, pullRequests: [] }, ["c3"], analysis, []);
    expect(noPr.breakdown).toEqual({ inProgressHours: 27, reviewHours: 0, waitingToDeployHours: 2 });
  });
});
