import "server-only";
// Board columns: add, rename, re-limit, reorder, delete. Structural changes of one board run one
// at a time: each locks the project row (FOR NO KEY UPDATE, which card writes' foreign-key checks
// do not wait for). A column's own row is locked like a move target, so a category change or a
// deletion waits for moves into that column and vice versa.
import { completionChange, type ColumnCategory } from "@/lib/domain/completion";
import { needsRebalance, rankBetween, rebalance } from "@/lib/domain/ranking";
import { wipScope } from "@/lib/domain/wip";
import type { CreateColumnInput, UpdateColumnInput } from "@/lib/validation/board";
import type { ProjectAccess } from "../authz";
import { db, sqlTx, type Tx } from "../db";
import { conflict, notFound, validationFailed } from "../errors";
import { publishBoardEvent } from "../realtime";
import { relocateCards, setCompletion } from "./column-cards";
import { rewriteRanks } from "./ranks";

const columnSelect = { id: true, name: true, category: true, wipLimit: true, policy: true } as const;
type ColumnRow = { id: string; name: string; category: ColumnCategory; wipLimit: number | null; policy: string };

/** A column as the UI uses it (category as in the domain, e.g. "IN_PROGRESS"). */
export function columnDto(column: ColumnRow) {
  return { id: column.id, name: column.name, category: column.category, wipLimit: column.wipLimit, policy: column.policy };
}
export type ColumnDto = ReturnType<typeof columnDto>;

/** The REST API spells the category in lower case, like every enum it shows. */
export const columnForApi = (column: ColumnDto) => ({ ...column, category: column.category.toLowerCase() });

async function lockBoardStructure(tx: Tx, projectId: string) {
  await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId} FOR NO KEY UPDATE`;
  return tx.column.findMany({ where: { projectId }, orderBy: { rank: "asc" }, select: { id: true, name: true, rank: true } });
}

type Siblings = Awaited<ReturnType<typeof lockBoardStructure>>;

async function lockColumn(tx: Tx, projectId: string, columnId: string, path?: string) {
  const [column] = await tx.$queryRaw<ColumnRow[]>`
    SELECT id, name, category::text AS category, "wipLimit", policy FROM "Column" WHERE id = ${columnId} AND "projectId" = ${projectId} FOR UPDATE`;
  if (!column) throw path ? validationFailed([{ path, message: "No such column on this board." }]) : notFound("Column");
  return column;
}

function assertNameFree(columns: Siblings, name: string, exceptId?: string) {
  if (columns.some((column) => column.id !== exceptId && column.name.toLowerCase() === name.toLowerCase())) {
    throw validationFailed([{ path: "name", message: `This board already has a column called "${name}".` }]);
  }
}

const NEW_COLUMN = "(new column)";

/** The rank for a column placed after `afterId` or before `beforeId` (default: last); rebalances the board's columns if the gap is used up. */
async function columnRank(tx: Tx, columns: Siblings, movingId: string, place: { afterId?: string; beforeId?: string }) {
  const others = columns.filter((column) => column.id !== movingId);
  const indexOf = (id: string, path: string) => {
    const index = others.findIndex((column) => column.id === id);
    if (index < 0) throw validationFailed([{ path, message: "No such other column on this board." }]);
    return index;
  };
  const at = place.afterId ? indexOf(place.afterId, "afterId") + 1 : place.beforeId ? indexOf(place.beforeId, "beforeId") : others.length;
  if (place.afterId && place.beforeId && indexOf(place.beforeId, "beforeId") !== at) {
    throw validationFailed([{ path: "beforeId", message: "afterId and beforeId are not neighbours." }]);
  }
  const rank = rankBetween(others[at - 1]?.rank ?? null, others[at]?.rank ?? null);
  if (!needsRebalance(rank)) return rank;
  const ordered = others.map((column) => column.id);
  ordered.splice(at, 0, movingId);
  const ranks = rebalance(ordered);
  const movingRank = ranks.get(movingId)!;
  ranks.delete(NEW_COLUMN);
  await rewriteRanks(sqlTx(tx), "Column", ranks);
  return movingRank;
}

export async function createColumn(access: ProjectAccess, input: CreateColumnInput): Promise<ColumnDto> {
  return db.$transaction(async (tx) => {
    const columns = await lockBoardStructure(tx, access.projectId);
    assertNameFree(columns, input.name);
    const rank = await columnRank(tx, columns, NEW_COLUMN, input);
    const column = await tx.column.create({
      data: { projectId: access.projectId, name: input.name, category: input.category, wipLimit: input.wipLimit ?? null, policy: input.policy ?? "", rank },
      select: columnSelect,
    });
    await publishBoardEvent(tx, access.projectId, "board.changed", { change: "column.created", columnId: column.id });
    return columnDto(column);
  });
}

/**
 * Renames, re-limits, re-describes, re-categorises or moves a column. Lowering a WIP limit below
 * the current count is allowed (the column shows as over; cards may still leave). A category
 * change into or out of DONE completes or reopens the cards in the column, with history.
 */
export async function updateColumn(access: ProjectAccess, actorId: string, columnId: string, input: UpdateColumnInput): Promise<ColumnDto> {
  return db.$transaction(async (tx) => {
    const columns = await lockBoardStructure(tx, access.projectId);
    const before = await lockColumn(tx, access.projectId, columnId);
    if (input.name !== undefined) assertNameFree(columns, input.name, columnId);
    const rank = input.afterId || input.beforeId ? await columnRank(tx, columns, columnId, input) : undefined;
    const column = await tx.column.update({
      where: { id: columnId },
      data: {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.category !== undefined && { category: input.category }),
        ...(input.wipLimit !== undefined && { wipLimit: input.wipLimit }),
        ...(input.policy !== undefined && { policy: input.policy }),
        ...(rank && { rank }),
      },
      select: columnSelect,
    });
    const completion = completionChange(before.category, column.category);
    if (completion) await setCompletion(tx, { projectId: access.projectId, columnId, actorId, change: completion });
    await publishBoardEvent(tx, access.projectId, "board.changed", { change: "column.updated", columnId });
    return columnDto(column);
  });
}

/**
 * Deletes a column. Its cards must go somewhere: without `moveCardsTo` a non-empty column is
 * refused with 409 COLUMN_NOT_EMPTY; with it, they move to the bottom of that column in their
 * order, each with a MOVED event, under that column's WIP limit. The last column of a board and
 * a column that automation rules move cards into cannot be deleted.
 */
export async function deleteColumn(access: ProjectAccess, actorId: string, columnId: string, moveCardsTo?: string) {
  return db.$transaction(async (tx) => {
    const columns = await lockBoardStructure(tx, access.projectId);
    const source = await lockColumn(tx, access.projectId, columnId);
    if (columns.length === 1) throw conflict("LAST_COLUMN", "A board needs at least one column.");
    const rules = await tx.automationRule.count({ where: { projectId: access.projectId, toColumnId: columnId } });
    if (rules) throw conflict("COLUMN_IN_USE", `${rules} automation rule(s) move cards into "${source.name}"; change them first.`, { automationRules: rules });
    const cards = await tx.card.count({ where: { columnId } });
    let moved = 0;
    if (cards) {
      if (!moveCardsTo) throw conflict("COLUMN_NOT_EMPTY", `"${source.name}" has ${cards} card(s); choose a column to move them to.`, { count: cards });
      if (moveCardsTo === columnId) throw validationFailed([{ path: "moveCardsTo", message: "Choose another column for the cards." }]);
      const target = await lockColumn(tx, access.projectId, moveCardsTo, "moveCardsTo");
      const { wipMode, mode, sprints } = await tx.project.findUniqueOrThrow({
        where: { id: access.projectId },
        select: { wipMode: true, mode: true, sprints: { where: { state: "ACTIVE" }, select: { id: true } } },
      });
      const scope = wipScope(mode, sprints[0]?.id ?? null);
      moved = await relocateCards(tx, { projectId: access.projectId, actorId, source, target, wipMode, scope });
    }
    await tx.column.delete({ where: { id: columnId } });
    await publishBoardEvent(tx, access.projectId, "board.changed", { change: "column.deleted", columnId, moveCardsTo: moveCardsTo ?? null });
    return { deleted: columnId, movedCards: moved };
  });
}
