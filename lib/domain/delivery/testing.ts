/** Builders for the hand-made histories of this module's tests. */
import type { DeliveryHistory, Deployment } from "./types";

/** A day of March 2026 and a time, UTC: `t("03 14:00")` is 3 March 2026, 14:00 UTC. */
export const t = (dayTime: string) => new Date(`2026-03-${dayTime.replace(" ", "T")}:00Z`);

/** A deployment of `main` that finished at `finished` (a `t` argument). */
export function deployment(id: string, environment: string, sha: string | null, status: Deployment["status"], finished: string, ref: string | null = "main"): Deployment {
  return { id, environment, tier: null, sha, ref, status, startedAt: null, finishedAt: t(finished) };
}

/**
 * A week of delivery on `main` (Monday 2 – Sunday 8 March 2026, UTC), every case of issue 14:
 * - c1, c2 (SHIP-1) reach staging (s1) and production (d1) on Monday;
 * - Tuesday: d2 (c3, SHIP-2) fails, d3 fixes it two hours later;
 * - Wednesday: d4 (c4) goes live at 12:00; incident i1 opens at 13:00 (naming nothing, so it links
 *   to d4, the latest before it) and is resolved at 16:00; d5 rolls back to c3 at 15:00;
 * - Thursday: d6 deploys c5; c6 is pushed to a feature branch and never deployed.
 */
export const weekOfDelivery: DeliveryHistory = {
  productionEnvironments: null,
  pushes: [
    { ref: "refs/heads/main", shas: ["c1", "c2"], at: t("02 09:00") },
    { ref: "refs/heads/main", shas: ["c3"], at: t("03 10:00") },
    { ref: "refs/heads/main", shas: ["c4"], at: t("04 10:00") },
    { ref: "refs/heads/main", shas: ["c5"], at: t("05 10:00") },
    { ref: "refs/heads/feature", shas: ["c6"], at: t("05 11:00") },
  ],
  commits: [
    { sha: "c1", authoredAt: t("02 07:00"), committedAt: t("02 08:00"), cardKeys: ["SHIP-1"] },
    { sha: "c2", authoredAt: null, committedAt: t("02 08:30"), cardKeys: ["SHIP-1"] },
    { sha: "c3", authoredAt: t("03 09:00"), committedAt: null, cardKeys: ["SHIP-2"] },
    { sha: "c4", authoredAt: t("04 09:30"), committedAt: t("04 09:30"), cardKeys: [] },
    { sha: "c5", authoredAt: t("05 09:00"), committedAt: t("05 09:00"), cardKeys: [] },
    { sha: "c6", authoredAt: t("05 10:30"), committedAt: t("05 10:30"), cardKeys: ["SHIP-3"] },
  ],
  deployments: [
    deployment("s1", "staging", "c2", "success", "02 10:00"),
    deployment("d1", "production", "c2", "success", "02 12:00"),
    deployment("d2", "production", "c3", "failure", "03 12:00"),
    deployment("d3", "production", "c3", "success", "03 14:00"),
    deployment("d4", "production", "c4", "success", "04 12:00"),
    deployment("d5", "production", "c3", "success", "04 15:00"),
    deployment("d6", "production", "c5", "success", "05 12:00"),
  ],
  incidents: [{ id: "i1", openedAt: t("04 13:00"), resolvedAt: t("04 16:00"), deploymentSha: null, cardKey: null }],
};
