import "server-only";
// Sprint reads: the list with live totals, and one sprint with its cards and recorded facts.
import type { TeamRole } from "@/lib/domain/roles";
import { capacityState, summarizeSprint, type ScopeChange, type SprintCard } from "@/lib/domain/sprint";
import { Prisma, type Sprint } from "@/lib/generated/prisma/client";
import type { Actor } from "../authenticate";
import { requireProjectIdRole, type ProjectAccess } from "../authz";
import { db } from "../db";
import { notFound } from "../errors";
import { cardsJson, type BacklogCard } from "./backlog";

/** Access to the project a sprint belongs to; a sprint of another team's project is "not found". */
export async function requireSprintRole(actor: Actor, sprintId: string, minRole: TeamRole): Promise<ProjectAccess> {
  const sprint = await db.sprint.findUnique({ where: { id: sprintId }, select: { projectId: true } });
  if (!sprint) throw notFound("Sprint");
  return requireProjectIdRole(actor, sprint.projectId, minRole, "Sprint");
}

type Totals = { cardCount: number; points: number; doneCards: number; donePoints: number };
const NO_TOTALS: Totals = { cardCount: 0, points: 0, doneCards: 0, donePoints: 0 };

async function totalsBySprint(sprintIds: string[]) {
  if (!sprintIds.length) return new Map<string, Totals>();
  const rows = await db.$queryRaw<Array<Totals & { sprintId: string }>>`
    SELECT c."sprintId",
           count(*)::int AS "cardCount",
           coalesce(sum(c.estimate), 0)::int AS points,
           (count(*) FILTER (WHERE col.category = 'DONE'))::int AS "doneCards",
           coalesce(sum(c.estimate) FILTER (WHERE col.category = 'DONE'), 0)::int AS "donePoints"
    FROM "Card" c JOIN "Column" col ON col.id = c."columnId"
    WHERE c."sprintId" = ANY(${sprintIds}::text[])
    GROUP BY c."sprintId"`;
  return new Map(rows.map(({ sprintId, ...totals }) => [sprintId, totals]));
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Sprint shape of the API. `points` are the current cards' points; capacity is checked against them. */
export function sprintDto(sprint: Sprint, projectKey: string, totals: Totals = NO_TOTALS) {
  return {
    id: sprint.id,
    projectKey,
    name: sprint.name,
    goal: sprint.goal,
    state: sprint.state.toLowerCase() as "planned" | "active" | "closed",
    startDate: iso(sprint.startDate),
    endDate: iso(sprint.endDate),
    capacity: sprint.capacity,
    startedAt: iso(sprint.startedAt),
    completedAt: iso(sprint.completedAt),
    committedPoints: sprint.committedPoints,
    committedCards: sprint.committedCards,
    completedPoints: sprint.completedPoints,
    completedCards: sprint.completedCards,
    ...totals,
    capacityState: capacityState(totals.points, sprint.capacity),
  };
}
export type SprintDto = ReturnType<typeof sprintDto>;

const STATE_ORDER = { ACTIVE: 0, PLANNED: 1, CLOSED: 2 } as const;

/** Active first, then planned (by start date, then creation), then closed (latest first). */
export async function listSprints(access: ProjectAccess, state?: "planned" | "active" | "closed") {
  const sprints = await db.sprint.findMany({
    where: { projectId: access.projectId, ...(state && { state: state.toUpperCase() as Sprint["state"] }) },
    orderBy: [{ startDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
  });
  sprints.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || (a.state === "CLOSED" ? (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0) : 0));
  const totals = await totalsBySprint(sprints.map((sprint) => sprint.id));
  return sprints.map((sprint) => sprintDto(sprint, access.projectKey, totals.get(sprint.id)));
}

export async function loadSprintDto(sprintId: string) {
  const sprint = await db.sprint.findUniqueOrThrow({ where: { id: sprintId }, include: { project: { select: { key: true } } } });
  const totals = await totalsBySprint([sprintId]);
  return sprintDto(sprint, sprint.project.key, totals.get(sprintId));
}

const FLOW_KINDS = ["ADDED", "REMOVED", "ESTIMATE_CHANGED"];

/**
 * One sprint with its cards (rank order), its recorded scope changes and, once started, its report.
 * A closed sprint's report is rebuilt from the recorded facts only (COMPLETED / ROLLED_OVER), so it
 * stays true however its cards change later.
 */
export async function getSprint(access: ProjectAccess, sprintId: string) {
  const sprint = await db.sprint.findFirst({ where: { id: sprintId, projectId: access.projectId } });
  if (!sprint) throw notFound("Sprint");
  const [totals, json, changes] = await Promise.all([
    totalsBySprint([sprintId]),
    cardsJson(access.projectKey, Prisma.sql`SELECT * FROM "Card" WHERE "sprintId" = ${sprintId}`),
    db.sprintScopeChange.findMany({ where: { sprintId }, orderBy: { at: "asc" }, include: { card: { select: { key: true, title: true } } } }),
  ]);
  const actorIds = [...new Set(changes.map((change) => change.actorId).filter((id): id is string => Boolean(id)))];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  const cards = JSON.parse(json) as BacklogCard[];
  let summary = null;
  if (sprint.state !== "PLANNED") {
    const outcome = changes.filter((change) => change.kind === "COMPLETED" || change.kind === "ROLLED_OVER");
    const reportCards: SprintCard[] =
      sprint.state === "CLOSED"
        ? outcome.map((change) => ({ id: change.cardId, key: change.card.key, estimate: change.points, done: change.kind === "COMPLETED" }))
        : cards.map((card) => ({ id: card.key, key: card.key, estimate: card.estimate, done: card.column.category === "DONE" }));
    const { incompleteCards, ...figures } = summarizeSprint({
      cards: reportCards,
      committed: { cardIds: changes.filter((change) => change.kind === "COMMITTED").map((change) => change.cardId), points: sprint.committedPoints ?? 0 },
      scopeChanges: changes.filter((change): change is typeof change & ScopeChange => FLOW_KINDS.includes(change.kind)),
    });
    summary = { ...figures, incompleteCards: incompleteCards.map(({ key, estimate }) => ({ key, estimate })) };
  }
  return {
    ...sprintDto(sprint, access.projectKey, totals.get(sprintId)),
    cards,
    scopeChanges: changes.map((change) => ({
      id: change.id,
      kind: change.kind,
      cardKey: change.card.key,
      cardTitle: change.card.title,
      points: change.points,
      previousPoints: change.previousPoints,
      actor: change.actorId ? (actors.get(change.actorId) ?? "someone") : null,
      at: change.at.toISOString(),
    })),
    summary,
  };
}
export type SprintReport = Awaited<ReturnType<typeof getSprint>>;
