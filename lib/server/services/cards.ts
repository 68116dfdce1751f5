import "server-only";
import { rankBetween } from "@/lib/domain/ranking";
import type { CardType, Priority } from "@/lib/generated/prisma/enums";
import type { CreateCardInput, UpdateCardInput } from "@/lib/validation/cards";
import type { CardAccess, ProjectAccess } from "../authz";
import { db, type Tx } from "../db";
import { notFound, validationFailed, versionConflict } from "../errors";
import { publishBoardEvent } from "../realtime";
import { loadCardDto } from "../queries/cards";
import { copyCriteria } from "./dod";

type Placement = {
  columnId?: string;
  /** Backlog position (and sprint) of the new card; runs in the transaction, with the project row locked. */
  place?: (tx: Tx) => Promise<{ rank: string; sprintId: string | null }>;
};

async function checkReferences(tx: Tx, projectId: string, teamId: string, input: Partial<CreateCardInput>, cardId?: string) {
  const refs: { assigneeId?: string | null; epicId?: string | null } = {};
  if (input.assigneeId !== undefined) {
    if (input.assigneeId !== null) {
      const member = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId: input.assigneeId } }, select: { id: true } });
      if (!member) throw validationFailed([{ path: "assigneeId", message: "The assignee must be a member of the project's team." }]);
    }
    refs.assigneeId = input.assigneeId;
  }
  if (input.epicKey !== undefined) {
    if (input.epicKey === null) refs.epicId = null;
    else {
      const epic = await tx.card.findUnique({ where: { key: input.epicKey }, select: { id: true, projectId: true, type: true } });
      if (!epic || epic.projectId !== projectId || epic.type !== "EPIC" || epic.id === cardId) {
        throw validationFailed([{ path: "epicKey", message: `${input.epicKey} is not an epic of this project.` }]);
      }
      refs.epicId = epic.id;
    }
  }
  return refs;
}

const enumValue = <T extends string>(value: string | undefined) => (value === undefined ? undefined : (value.toUpperCase() as T));

/**
 * Creates a card with the next key of its project. The project row is locked for the transaction,
 * so concurrent creations get distinct consecutive numbers, and a failed one leaves no gap.
 */
export async function createCard(access: ProjectAccess, actorId: string, input: CreateCardInput, placement: Placement = {}) {
  const cardId = await db.$transaction(async (tx) => {
    const refs = await checkReferences(tx, access.projectId, access.teamId, input);
    const [counter] = await tx.$queryRaw<Array<{ number: number }>>`
      UPDATE "Project" SET "nextCardNumber" = "nextCardNumber" + 1 WHERE id = ${access.projectId} RETURNING "nextCardNumber" - 1 AS number`;
    const number = counter!.number;
    const column = placement.columnId
      ? await tx.column.findFirst({ where: { id: placement.columnId, projectId: access.projectId }, select: { id: true, category: true } })
      : await tx.column.findFirst({ where: { projectId: access.projectId }, orderBy: { rank: "asc" }, select: { id: true, category: true } });
    if (!column) throw validationFailed([{ path: "columnId", message: "No such column in this project." }]);
    // Moves into a column hold its row lock (services/board.ts); taking it too means the bottom rank read next is not also being given to a moved card.
    await tx.$queryRaw`SELECT id FROM "Column" WHERE id = ${column.id} FOR UPDATE`;
    const [lastInColumn, placed] = await Promise.all([
      tx.card.findFirst({ where: { columnId: column.id }, orderBy: { boardRank: "desc" }, select: { boardRank: true } }),
      placement.place
        ? placement.place(tx)
        : tx.card
            .findFirst({ where: { projectId: access.projectId }, orderBy: { rank: "desc" }, select: { rank: true } })
            .then((last) => ({ rank: rankBetween(last?.rank ?? null, null), sprintId: null })),
    ]);
    const now = new Date();
    const card = await tx.card.create({
      data: {
        projectId: access.projectId,
        number,
        key: `${access.projectKey}-${number}`,
        title: input.title,
        description: input.description ?? "",
        type: enumValue<CardType>(input.type) ?? "STORY",
        priority: enumValue<Priority>(input.priority) ?? "MEDIUM",
        labels: input.labels ?? [],
        estimate: input.estimate ?? null,
        blockedReason: input.blockedReason ?? null,
        ...refs,
        columnId: column.id,
        boardRank: rankBetween(lastInColumn?.boardRank ?? null, null),
        rank: placed.rank,
        sprintId: placed.sprintId,
        columnEnteredAt: now,
        completedAt: column.category === "DONE" ? now : null,
        createdById: actorId,
      },
      select: { id: true, key: true },
    });
    await tx.cardEvent.create({ data: { projectId: access.projectId, cardId: card.id, type: "CREATED", toColumnId: column.id, actorId, at: now } });
    await copyCriteria(tx, access.projectId, card.id);
    await publishBoardEvent(tx, access.projectId, "card.created", { key: card.key });
    return card.id;
  });
  return loadCardDto(cardId);
}

const TRACKED_FIELDS = ["title", "description", "type", "priority", "assigneeId", "labels", "estimate", "epicId", "blockedReason"] as const;

/** Updates a card if `version` is current (optimistic concurrency); records what changed. */
export async function updateCard(access: CardAccess, actorId: string, input: UpdateCardInput) {
  await db.$transaction(async (tx) => {
    const before = await tx.card.findUnique({ where: { id: access.cardId } });
    if (!before) throw notFound(`Card ${access.cardKey}`);
    const refs = await checkReferences(tx, access.projectId, access.teamId, input, access.cardId);
    const data = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.type !== undefined && { type: enumValue<CardType>(input.type) }),
      ...(input.priority !== undefined && { priority: enumValue<Priority>(input.priority) }),
      ...(input.labels !== undefined && { labels: input.labels }),
      ...(input.estimate !== undefined && { estimate: input.estimate }),
      ...(input.blockedReason !== undefined && { blockedReason: input.blockedReason || null }),
      ...refs,
    };
    const updated = await tx.card.updateMany({ where: { id: access.cardId, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count === 0) throw versionConflict({ version: before.version });
    const changed = TRACKED_FIELDS.filter((field) => field in data && JSON.stringify(before[field]) !== JSON.stringify((data as Record<string, unknown>)[field]));
    if (changed.length) {
      const diff = Object.fromEntries(changed.map((field) => [field, { from: before[field], to: (data as Record<string, unknown>)[field] }]));
      await tx.cardEvent.create({ data: { projectId: access.projectId, cardId: access.cardId, type: "UPDATED", actorId, data: diff as object } });
      // Estimate changes are sprint facts only while the sprint runs (startSprint locks its cards, so this read is current).
      const sprint = changed.includes("estimate") && before.sprintId ? await tx.sprint.findUnique({ where: { id: before.sprintId }, select: { state: true } }) : null;
      if (sprint?.state === "ACTIVE") {
        await tx.sprintScopeChange.create({
          data: { sprintId: before.sprintId!, cardId: access.cardId, kind: "ESTIMATE_CHANGED", points: input.estimate ?? null, previousPoints: before.estimate, actorId },
        });
      }
    }
    await publishBoardEvent(tx, access.projectId, "card.updated", { key: access.cardKey });
  });
  return loadCardDto(access.cardId);
}
