/** A card's road to production and where its time went (issue 14, Shipboard's own measures). */
import { hoursBetween } from "./metrics";
import type { DeliveryAnalysis, Incident } from "./types";

export interface CardDeliveryFacts {
  key: string;
  createdAt: Date;
  /** First entry into a started column (the reports' stage definition); null when never started. */
  startedAt: Date | null;
  /** Last entry into a finished column; null when not finished. */
  finishedAt: Date | null;
  pullRequests: readonly { number: number; openedAt: Date; mergedAt: Date | null }[];
  /** Every move into a column, any order. */
  columnEntries: readonly { columnId: string; column: string; at: Date }[];
}

export type TimelineEvent =
  | { kind: "started"; at: Date }
  | { kind: "pr-opened" | "merged"; at: Date; number: number }
  | { kind: "deployed"; at: Date; environment: string; production: boolean; deploymentId: string }
  | { kind: "incident"; at: Date; incidentId: string; resolvedAt: Date | null };

export interface CardDelivery {
  key: string;
  /** The first successful production deployment that shipped one of the card's commits. */
  production: { deploymentId: string; environment: string; at: Date } | null;
  /** Created → production; null when not in production or created after it got there. */
  leadTimeHours: number | null;
  /** Started → production; null when not in production, not started, or started after it. */
  deliveryTimeHours: number | null;
  /** The delivery time cut at the first PR opened and at the first merge or finish (sums to it, give or take rounding). */
  breakdown: { inProgressHours: number; reviewHours: number; waitingToDeployHours: number } | null;
  /** Hours in each column between started and production, in order of first visit. */
  columns: { columnId: string; column: string; hours: number }[];
  /** Started, PRs opened and merged, each environment first reached, incidents: in time order. */
  timeline: TimelineEvent[];
}

const earliest = (dates: readonly (Date | null)[]) =>
  dates.reduce<Date | null>((first, date) => (date !== null && (first === null || date.getTime() < first.getTime()) ? date : first), null);
const clamp = (date: Date, from: Date, to: Date) => new Date(Math.min(Math.max(date.getTime(), from.getTime()), to.getTime()));

/**
 * Where a card's commits (`shas`) went. An environment is reached by the first successful deployment
 * to it that shipped one of them; an incident belongs to the card when it names the card or links to
 * a production deployment that shipped one of them. Delivery time is broken down as: in progress
 * (started → first PR opened), review (→ first merge or finish, whichever came first) and waiting to
 * deploy (→ production), each rounded to a tenth of an hour; a cut outside started…production is moved to the nearer end, and a missing
 * one leaves its phase at zero.
 */
export function cardDelivery(card: CardDeliveryFacts, shas: readonly string[], analysis: DeliveryAnalysis, incidents: readonly Incident[]): CardDelivery {
  const own = new Set(shas);
  const reached = new Map<string, TimelineEvent & { kind: "deployed" }>();
  const shippedBy = new Set<string>();
  for (const deployment of analysis.deployments) {
    if (deployment.status !== "success" || deployment.finishedAt === null || !deployment.commits.some((sha) => own.has(sha))) continue;
    shippedBy.add(deployment.id);
    if (!reached.has(deployment.environment)) {
      reached.set(deployment.environment, { kind: "deployed", at: deployment.finishedAt, environment: deployment.environment, production: deployment.production, deploymentId: deployment.id });
    }
  }
  const first = [...reached.values()].find((event) => event.production);
  const production = first ? { deploymentId: first.deploymentId, environment: first.environment, at: first.at } : null;

  const timeline: TimelineEvent[] = [
    ...(card.startedAt ? [{ kind: "started" as const, at: card.startedAt }] : []),
    ...card.pullRequests.flatMap((pr) => [
      { kind: "pr-opened" as const, at: pr.openedAt, number: pr.number },
      ...(pr.mergedAt ? [{ kind: "merged" as const, at: pr.mergedAt, number: pr.number }] : []),
    ]),
    ...reached.values(),
    ...incidents
      .filter((incident) => incident.cardKey === card.key || shippedBy.has(analysis.incidentLinks.get(incident.id) ?? ""))
      .map((incident) => ({ kind: "incident" as const, at: incident.openedAt, incidentId: incident.id, resolvedAt: incident.resolvedAt })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  const reachedAt = production?.at ?? null;
  const started = card.startedAt !== null && reachedAt !== null && card.startedAt.getTime() <= reachedAt.getTime() ? card.startedAt : null;
  return {
    key: card.key,
    production,
    leadTimeHours: reachedAt && card.createdAt.getTime() <= reachedAt.getTime() ? hoursBetween(card.createdAt, reachedAt) : null,
    deliveryTimeHours: started ? hoursBetween(started, reachedAt!) : null,
    breakdown: started ? breakdown(card, started, reachedAt!) : null,
    columns: started ? timeInColumns(card.columnEntries, started, reachedAt!) : [],
    timeline,
  };
}

function breakdown(card: CardDeliveryFacts, started: Date, reached: Date): NonNullable<CardDelivery["breakdown"]> {
  const readyAt = earliest([...card.pullRequests.map((pr) => pr.mergedAt), card.finishedAt]);
  const ready = readyAt ? clamp(readyAt, started, reached) : reached;
  const openedAt = earliest(card.pullRequests.map((pr) => pr.openedAt));
  const inReview = openedAt ? clamp(openedAt, started, ready) : ready;
  return { inProgressHours: hoursBetween(started, inReview), reviewHours: hoursBetween(inReview, ready), waitingToDeployHours: hoursBetween(ready, reached) };
}

/** Each stay in a column lasts until the next move (or production), counted inside started…production. */
function timeInColumns(entries: CardDeliveryFacts["columnEntries"], started: Date, reached: Date): CardDelivery["columns"] {
  const ordered = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime());
  const stays = new Map<string, { column: string; ms: number }>();
  ordered.forEach((entry, index) => {
    const leftAt = ordered[index + 1]?.at ?? reached;
    const ms = Math.min(leftAt.getTime(), reached.getTime()) - Math.max(entry.at.getTime(), started.getTime());
    if (ms <= 0) return;
    const stay = stays.get(entry.columnId) ?? { column: entry.column, ms: 0 };
    stays.set(entry.columnId, { column: entry.column, ms: stay.ms + ms });
  });
  return [...stays].map(([columnId, stay]) => ({ columnId, column: stay.column, hours: hoursBetween(new Date(0), new Date(stay.ms)) }));
}
