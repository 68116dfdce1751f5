import "server-only";
// Sprint lifecycle: plan (create, edit, delete), start (records the commitment) and complete
// (records the outcome and moves unfinished cards on). Start and complete lock the project row,
// so at most one sprint runs, and lock the sprint's cards, so concurrent estimate changes and
// moves land either before the snapshot or after it as recorded scope changes.
import { assertCanStart, summarizeSprint, type ScopeChange } from "@/lib/domain/sprint";
import type { CompleteSprintInput, CreateSprintInput, UpdateSprintInput } from "@/lib/validation/sprints";
import type { ProjectAccess } from "../authz";
import { db, type Tx } from "../db";
import { conflict, notFound, unprocessable, validationFailed } from "../errors";
import { loadSprintDto } from "../queries/sprints";
import { publishBoardEvent } from "../realtime";
import { lockProject, placeCards, RANK_TX_OPTIONS } from "./backlog";

const DEFAULT_LENGTH_DAYS = 14;
const DAY_MS = 86_400_000;

async function findSprint(tx: Tx, access: ProjectAccess, sprintId: string) {
  const sprint = await tx.sprint.findFirst({ where: { id: sprintId, projectId: access.projectId } });
  if (!sprint) throw notFound("Sprint");
  return sprint;
}

async function refuseKanban(tx: Tx, projectId: string) {
  const project = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { mode: true } });
  if (project.mode === "KANBAN") throw conflict("KANBAN_PROJECT", "Kanban projects have no sprints; switch the board to Scrum first.");
}

/** "Sprint 7" → "Sprint 8"; any other name gets " (continued)". */
function nextSprintName(name: string) {
  const match = /^(.*?)(\d+)$/.exec(name);
  return match ? `${match[1]}${Number(match[2]) + 1}` : `${name} (continued)`;
}

export async function createSprint(access: ProjectAccess, input: CreateSprintInput) {
  const id = await db.$transaction(async (tx) => {
    await refuseKanban(tx, access.projectId);
    const sprint = await tx.sprint.create({
      data: { projectId: access.projectId, name: input.name, goal: input.goal ?? "", startDate: input.startDate ?? null, endDate: input.endDate ?? null, capacity: input.capacity ?? null },
      select: { id: true },
    });
    return sprint.id;
  });
  return loadSprintDto(id);
}

/** Edits name, goal, dates or capacity; a closed sprint's facts never change. */
export async function updateSprint(access: ProjectAccess, sprintId: string, input: UpdateSprintInput) {
  await db.$transaction(async (tx) => {
    const sprint = await findSprint(tx, access, sprintId);
    if (sprint.state === "CLOSED") throw conflict("SPRINT_CLOSED", "A closed sprint can no longer be edited.");
    const startDate = input.startDate !== undefined ? input.startDate : sprint.startDate;
    const endDate = input.endDate !== undefined ? input.endDate : sprint.endDate;
    if (startDate && endDate && endDate <= startDate) throw validationFailed([{ path: "endDate", message: "The sprint must end after it starts." }]);
    await tx.sprint.update({ where: { id: sprint.id }, data: input });
  });
  return loadSprintDto(sprintId);
}

/** Deletes a planned sprint (one that never ran); its cards return to the backlog in place. */
export async function deleteSprint(access: ProjectAccess, sprintId: string) {
  await db.$transaction(async (tx) => {
    await lockProject(tx, access.projectId);
    const sprint = await findSprint(tx, access, sprintId);
    if (sprint.state !== "PLANNED") throw conflict("SPRINT_NOT_PLANNED", "Only a planned sprint can be deleted; sprints that ran stay as a record.");
    await tx.card.updateMany({ where: { sprintId }, data: { sprintId: null } });
    await tx.sprint.delete({ where: { id: sprintId } });
    await publishBoardEvent(tx, access.projectId, "board.changed", { reason: "sprint.deleted", sprintId });
  });
  return { ok: true };
}

const lockSprintCards = (tx: Tx, sprintId: string) => tx.$queryRaw`SELECT id FROM "Card" WHERE "sprintId" = ${sprintId} ORDER BY id FOR UPDATE`;

/** Starts a planned sprint and records its commitment: the cards and points it starts with. */
export async function startSprint(access: ProjectAccess, actorId: string, sprintId: string) {
  await db.$transaction(async (tx) => {
    await lockProject(tx, access.projectId);
    await refuseKanban(tx, access.projectId);
    const sprint = await findSprint(tx, access, sprintId);
    const otherActive = await tx.sprint.count({ where: { projectId: access.projectId, state: "ACTIVE", id: { not: sprintId } } });
    const check = assertCanStart({ sprint, otherActiveSprintExists: otherActive > 0 });
    if (!check.ok) throw check.code === "INVALID_DATES" ? unprocessable(check.code, check.reason) : conflict(check.code, check.reason);
    await lockSprintCards(tx, sprintId);
    const cards = await tx.card.findMany({ where: { sprintId }, orderBy: { rank: "asc" }, select: { id: true, estimate: true } });
    const now = new Date();
    const startDate = sprint.startDate ?? now;
    const endDate = sprint.endDate && sprint.endDate > startDate ? sprint.endDate : new Date(startDate.getTime() + DEFAULT_LENGTH_DAYS * DAY_MS);
    await tx.sprint.update({
      where: { id: sprintId },
      data: {
        state: "ACTIVE",
        startedAt: now,
        startDate,
        endDate,
        committedCards: cards.length,
        committedPoints: cards.reduce((sum, card) => sum + (card.estimate ?? 0), 0),
      },
    });
    await tx.sprintScopeChange.createMany({ data: cards.map((card) => ({ sprintId, cardId: card.id, kind: "COMMITTED", points: card.estimate, actorId, at: now })) });
    await publishBoardEvent(tx, access.projectId, "board.changed", { reason: "sprint.started", sprintId });
  });
  return loadSprintDto(sprintId);
}

/** The next planned sprint, or a new one named after this one. */
async function nextSprint(tx: Tx, projectId: string, closing: { name: string; capacity: number | null }) {
  const planned = await tx.sprint.findFirst({
    where: { projectId, state: "PLANNED" },
    orderBy: [{ startDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: { id: true, name: true },
  });
  return planned ?? tx.sprint.create({ data: { projectId, name: nextSprintName(closing.name), capacity: closing.capacity }, select: { id: true, name: true } });
}

/**
 * Closes the active sprint. Done means the card sits in a DONE-category column. Records COMPLETED
 * and ROLLED_OVER per card and the totals on the sprint; unfinished cards go to the next sprint or
 * to the top of the backlog (keeping their order). Returns the sprint report.
 */
export async function completeSprint(access: ProjectAccess, actorId: string, sprintId: string, input: CompleteSprintInput) {
  const result = await db.$transaction(async (tx) => {
    await lockProject(tx, access.projectId);
    const sprint = await findSprint(tx, access, sprintId);
    if (sprint.state !== "ACTIVE") throw conflict("SPRINT_NOT_ACTIVE", `Only the active sprint can be completed; this one is ${sprint.state.toLowerCase()}.`);
    await lockSprintCards(tx, sprintId);
    const [cards, changes] = await Promise.all([
      tx.card.findMany({ where: { sprintId }, orderBy: { rank: "asc" }, select: { id: true, key: true, estimate: true, column: { select: { category: true } } } }),
      tx.sprintScopeChange.findMany({ where: { sprintId }, select: { kind: true, cardId: true, points: true, previousPoints: true, at: true } }),
    ]);
    const summary = summarizeSprint({
      cards: cards.map((card) => ({ id: card.id, key: card.key, estimate: card.estimate, done: card.column.category === "DONE" })),
      committed: { cardIds: changes.filter((c) => c.kind === "COMMITTED").map((c) => c.cardId), points: sprint.committedPoints ?? 0 },
      scopeChanges: changes.filter((c): c is ScopeChange => ["ADDED", "REMOVED", "ESTIMATE_CHANGED"].includes(c.kind)),
    });
    const now = new Date();
    const incompleteIds = summary.incompleteCards.map((card) => card.id);
    await tx.sprintScopeChange.createMany({
      data: cards.map((card) => ({ sprintId, cardId: card.id, kind: incompleteIds.includes(card.id) ? "ROLLED_OVER" : "COMPLETED", points: card.estimate, actorId, at: now })),
    });
    await tx.sprint.update({ where: { id: sprintId }, data: { state: "CLOSED", completedAt: now, completedPoints: summary.completedPoints, completedCards: summary.completedCards } });
    let movedTo: { kind: "sprint"; sprintId: string; name: string } | { kind: "backlog" } | null = null;
    if (incompleteIds.length && input.incomplete === "next") {
      const next = await nextSprint(tx, access.projectId, sprint);
      await tx.card.updateMany({ where: { id: { in: incompleteIds } }, data: { sprintId: next.id } });
      movedTo = { kind: "sprint", sprintId: next.id, name: next.name };
    } else if (incompleteIds.length) {
      await tx.card.updateMany({ where: { id: { in: incompleteIds } }, data: { sprintId: null } });
      await placeCards(tx, access.projectId, { position: "top" }, incompleteIds);
      movedTo = { kind: "backlog" };
    }
    await publishBoardEvent(tx, access.projectId, "board.changed", { reason: "sprint.completed", sprintId });
    const { incompleteCards, ...totals } = summary;
    return { ...totals, incompleteCards: incompleteCards.map(({ key, estimate }) => ({ key, estimate })), movedTo };
  }, RANK_TX_OPTIONS);
  return { sprint: await loadSprintDto(sprintId), summary: result };
}
