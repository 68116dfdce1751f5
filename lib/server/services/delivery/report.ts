import "server-only";
// Delivery measures (issue 14) of a project and a card's road to production. The definitions live
// in lib/domain/delivery; this reads the history (history.ts) and the card's facts, then asks it.
import { analyzeDeliveries, cardDelivery, deliveryMetrics, shasByCard, type CardDelivery } from "@/lib/domain/delivery";
import type { DeliveryRequest } from "@/lib/validation/reports";
import type { CardAccess, ProjectAccess } from "../../authz";
import { db } from "../../db";
import { rangeOf, setupOf } from "../reports";
import { deliveryHistory } from "./history";

export interface DeliveryReport {
  from: string;
  to: string;
  deploymentFrequency: { perDay: number; perWeek: number; bucket: "daily" | "weekly" | "monthly" | "yearly" | null };
  changeLeadTime: { medianHours: number | null };
  changeFailureRate: number | null;
  recoveryTime: { medianHours: number | null };
  reworkRate: number | null;
  deployments: Array<{ id: string; environment: string; sha: string | null; status: string | null; finishedAt: string; commits: string[]; failed: boolean; rollback: boolean; incidentIds: string[] }>;
}

/** The five measures over the range (default the last 90 days) and the production deployments behind them. */
export async function deliveryReport(access: ProjectAccess, request: DeliveryRequest, now = new Date()): Promise<DeliveryReport> {
  const [{ timeZone }, history] = await Promise.all([db.project.findUniqueOrThrow({ where: { id: access.projectId }, select: { timeZone: true } }), deliveryHistory(db, access.projectId)]);
  const { from, to } = rangeOf(request, timeZone, now);
  const metrics = deliveryMetrics(analyzeDeliveries(history), history.commits, { from, to, timeZone });
  return {
    from,
    to,
    deploymentFrequency: metrics.deploymentFrequency,
    changeLeadTime: metrics.changeLeadTime,
    changeFailureRate: metrics.changeFailureRate,
    recoveryTime: metrics.recoveryTime,
    reworkRate: metrics.reworkRate,
    deployments: metrics.deployments.map((deployment) => ({
      id: deployment.id,
      environment: deployment.environment,
      sha: deployment.sha,
      status: deployment.status,
      finishedAt: deployment.finishedAt!.toISOString(),
      commits: deployment.commits,
      failed: deployment.failed,
      rollback: deployment.rollback,
      incidentIds: deployment.incidentIds,
    })),
  };
}

/**
 * A card's road to production: its commits (pushes, runs, pull requests that named it), where they
 * went, and its lead and delivery times. Started and finished follow the reports' stages.
 * Pull requests are not on the road yet: their opening and merge times are not recorded.
 */
export async function cardDeliveryReport(access: CardAccess): Promise<CardDelivery> {
  const [setup, history, card, entries, moves] = await Promise.all([
    setupOf(access.projectId),
    deliveryHistory(db, access.projectId),
    db.card.findUniqueOrThrow({ where: { id: access.cardId }, select: { key: true, createdAt: true, columnId: true } }),
    db.cardColumnEntry.findMany({ where: { cardId: access.cardId }, select: { columnId: true, firstAt: true, lastAt: true } }),
    db.cardEvent.findMany({ where: { cardId: access.cardId, type: { in: ["CREATED", "MOVED"] }, toColumnId: { not: null } }, select: { toColumnId: true, at: true } }),
  ]);
  const { startedIds, finishedIds } = setup.stages;
  const startedAt = entries.filter((entry) => startedIds.includes(entry.columnId)).reduce<Date | null>((first, entry) => (first && first <= entry.firstAt ? first : entry.firstAt), null);
  const finishedAt = finishedIds.includes(card.columnId)
    ? entries.filter((entry) => finishedIds.includes(entry.columnId)).reduce<Date | null>((last, entry) => (last && last >= entry.lastAt ? last : entry.lastAt), null)
    : null;
  const names = new Map(setup.columns.map((column) => [column.id, column.name]));
  const facts = {
    key: card.key,
    createdAt: card.createdAt,
    startedAt,
    finishedAt,
    pullRequests: [],
    columnEntries: moves.map((move) => ({ columnId: move.toColumnId!, column: names.get(move.toColumnId!) ?? "", at: move.at })),
  };
  return cardDelivery(facts, shasByCard(history.commits).get(card.key) ?? [], analyzeDeliveries(history), history.incidents);
}
