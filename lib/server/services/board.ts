import "server-only";
// Moving a card on the board. One transaction per move; it writes the moved card's row, its
// history and one realtime event, and nothing else (no column is ever renumbered, except the
// rare rebalance below).
//
// Concurrency: the TARGET column row is locked first (SELECT … FOR UPDATE), so moves into one
// column run one at a time on every database. Each then reads the WIP count and its rank
// neighbours after the lock, fresh: a hard limit cannot be overshot and two moves into the same
// slot cannot pick the same key. Moves into different columns do not wait for each other.
// Lock order is always column, then card, so moves cannot deadlock one another.
import { completionChange, type ColumnCategory } from "@/lib/domain/completion";
import { compareRanks, needsRebalance, rankBetween, rebalance } from "@/lib/domain/ranking";
import { checkWip, type WipMode, type WipRefusal } from "@/lib/domain/wip";
import type { CardAccess } from "../authz";
import { db, type Tx } from "../db";
import { notFound, unprocessable, validationFailed, versionConflict } from "../errors";
import { loadCardDto, type CardDto } from "../queries/cards";
import { publishBoardEvent } from "../realtime";
import { rewriteRanks } from "./ranks";

export type MoveCardInput = {
  toColumnId: string;
  /** The card that ends up directly above the moved one. */
  afterKey?: string;
  /** The card that ends up directly below the moved one. Neither anchor: bottom of the column. */
  beforeKey?: string;
  /** The version the caller saw; stale → 409 VERSION_CONFLICT. Omitted: no check. */
  version?: number;
  /** A justified exception to a column's entry rule (used by the Definition-of-Done check). */
  override?: { reason: string };
};

/** `automation`: a rule moved the card, not a person; history shows no actor and no version check applies. */
export type MoveCardOptions = { automation?: boolean };

export type TargetColumn = {
  id: string;
  name: string;
  category: ColumnCategory;
  wipLimit: number | null;
  wipMode: WipMode;
  /** Cards in the column now, read under its lock; null when nothing needs it (no limit, or a reorder). */
  cardCount: number | null;
};
export type MovingCard = { id: string; key: string; columnId: string; fromCategory: ColumnCategory; version: number };

async function lockTargetColumn(tx: Tx, projectId: string, columnId: string) {
  const [column] = await tx.$queryRaw<Array<Omit<TargetColumn, "cardCount">>>`
    SELECT c.id, c.name, c.category::text AS category, c."wipLimit", p."wipMode"::text AS "wipMode"
    FROM "Column" c JOIN "Project" p ON p.id = c."projectId"
    WHERE c.id = ${columnId} AND c."projectId" = ${projectId}
    FOR UPDATE OF c`;
  if (!column) throw validationFailed([{ path: "toColumnId", message: "No such column on this board." }]);
  return column;
}

async function lockCard(tx: Tx, cardId: string, cardKey: string): Promise<MovingCard> {
  // The source category comes from a sub-select, not a join: a join would drop the row when a
  // concurrent move changed its column while we waited for the lock.
  const [card] = await tx.$queryRaw<MovingCard[]>`
    SELECT c.id, c.key, c."columnId", c.version,
      (SELECT category::text FROM "Column" WHERE id = c."columnId") AS "fromCategory"
    FROM "Card" c WHERE c.id = ${cardId}
    FOR UPDATE`;
  if (!card) throw notFound(`Card ${cardKey}`);
  return card;
}

/**
 * Whether `card` may enter `column`. Throws the refusal (422 WIP_LIMIT_EXCEEDED in HARD mode);
 * returns a SOFT-mode breach to record. The Definition-of-Done check belongs here as well, and
 * `override` is the reason a product owner gives to let a card in regardless.
 */
export async function assertMayEnterColumn(_tx: Tx, card: MovingCard, column: TargetColumn, _override?: { reason: string }): Promise<WipRefusal | null> {
  const countAfterMove = (column.cardCount ?? 0) + 1;
  const result = checkWip({ column, countAfterMove, mode: column.wipMode, cardAlreadyInColumn: card.columnId === column.id });
  if (!result.allowed) throw unprocessable("WIP_LIMIT_EXCEEDED", result.reason, result.details);
  return result.breach ? { columnId: column.id, column: column.name, limit: column.wipLimit!, count: countAfterMove } : null;
}

type Placement = { cardCount: number | null; afterRank: string | null; beforeRank: string | null; neighbour: string | null };

/**
 * One statement, after both locks: the column's card count (when WIP needs it), the anchors'
 * ranks (null when not in the target column) and the moved card's other actual neighbour: the
 * next card below `afterKey`, else the card above `beforeKey`, else the bottom card. Each
 * neighbour is an index probe on (columnId, boardRank).
 */
async function readPlacement(tx: Tx, card: MovingCard, columnId: string, needCount: boolean, input: MoveCardInput): Promise<Placement> {
  const [row] = await tx.$queryRaw<Placement[]>`
    SELECT
      CASE WHEN ${needCount} THEN (SELECT count(*)::int FROM "Card" WHERE "columnId" = ${columnId}) END AS "cardCount",
      a."boardRank" AS "afterRank",
      b."boardRank" AS "beforeRank",
      CASE
        WHEN a."boardRank" IS NOT NULL THEN (SELECT min("boardRank") FROM "Card" WHERE "columnId" = ${columnId} AND id <> ${card.id} AND "boardRank" > a."boardRank")
        WHEN b."boardRank" IS NOT NULL THEN (SELECT max("boardRank") FROM "Card" WHERE "columnId" = ${columnId} AND id <> ${card.id} AND "boardRank" < b."boardRank")
        ELSE (SELECT max("boardRank") FROM "Card" WHERE "columnId" = ${columnId} AND id <> ${card.id})
      END AS neighbour
    FROM (SELECT 1) AS one
    LEFT JOIN "Card" a ON a.key = ${input.afterKey ?? null} AND a."columnId" = ${columnId}
    LEFT JOIN "Card" b ON b.key = ${input.beforeKey ?? null} AND b."columnId" = ${columnId}`;
  return row!;
}

type Bounds = { lower: string | null; upper: string | null };

/**
 * The ranks the moved card goes between. Anchors must be other cards of the target column. The
 * key is always generated between two cards adjacent right now (under the column lock), so it
 * cannot collide with a card in between: when `afterKey` and `beforeKey` are no longer adjacent
 * (someone put a card between them meanwhile), the card goes directly below `afterKey`.
 */
function bounds(card: MovingCard, input: MoveCardInput, placement: Placement): Bounds {
  for (const [key, rank, path] of [[input.afterKey, placement.afterRank, "afterKey"], [input.beforeKey, placement.beforeRank, "beforeKey"]] as const) {
    if (!key) continue;
    if (key.toUpperCase() === card.key) throw validationFailed([{ path, message: "A card cannot be placed next to itself." }]);
    if (rank === null) throw validationFailed([{ path, message: `${key} is not in the target column.` }]);
  }
  const { afterRank, beforeRank, neighbour } = placement;
  if (afterRank !== null && beforeRank !== null && compareRanks(afterRank, beforeRank) >= 0) {
    throw validationFailed([{ path: "beforeKey", message: `${input.beforeKey} is above ${input.afterKey}.` }]);
  }
  return afterRank !== null ? { lower: afterRank, upper: neighbour } : { lower: neighbour, upper: beforeRank };
}

/**
 * The rare case where the gap is used up (the key would exceed MAX_RANK_LENGTH, after hundreds of
 * inserts at one spot): gives the whole target column fresh short keys, the moved card in its
 * intended place, and returns the moved card's key. Costs one write per card in the column.
 */
async function rebalanceColumn(tx: Tx, card: MovingCard, columnId: string, lower: string | null): Promise<string> {
  const rows = await tx.card.findMany({ where: { columnId, id: { not: card.id } }, orderBy: { boardRank: "asc" }, select: { id: true, boardRank: true } });
  const ordered = rows.map((row) => row.id);
  ordered.splice(lower === null ? 0 : rows.findIndex((row) => row.boardRank === lower) + 1, 0, card.id);
  const ranks = rebalance(ordered);
  const movedRank = ranks.get(card.id)!;
  // A card coming from another column keeps its old key until the move itself rewrites the row.
  if (card.columnId !== columnId) ranks.delete(card.id);
  await rewriteRanks(tx, "Card", ranks);
  return movedRank;
}

/** Moves a card to a column and position (see MoveCardInput); returns the card as the API shows it. */
export async function moveCard(access: CardAccess, actorId: string, input: MoveCardInput, options: MoveCardOptions = {}): Promise<CardDto> {
  await db.$transaction(async (tx) => {
    const locked = await lockTargetColumn(tx, access.projectId, input.toColumnId);
    const card = await lockCard(tx, access.cardId, access.cardKey);
    if (!options.automation && input.version !== undefined && input.version !== card.version) throw versionConflict({ version: card.version });
    const placement = await readPlacement(tx, card, locked.id, card.columnId !== locked.id && locked.wipLimit !== null, input);
    const column: TargetColumn = { ...locked, cardCount: placement.cardCount };
    const breach = await assertMayEnterColumn(tx, card, column, input.override);

    const { lower, upper } = bounds(card, input, placement);
    let boardRank = rankBetween(lower, upper);
    const rebalanced = needsRebalance(boardRank);
    if (rebalanced) boardRank = await rebalanceColumn(tx, card, column.id, lower);

    const now = new Date();
    const columnChanged = card.columnId !== column.id;
    const completion = columnChanged ? completionChange(card.fromCategory, column.category) : null;
    const moved = await tx.card.update({
      where: { id: card.id },
      data: {
        columnId: column.id,
        boardRank,
        version: { increment: 1 },
        ...(columnChanged && { columnEnteredAt: now }),
        ...(completion && { completedAt: completion === "COMPLETED" ? now : null }),
      },
      select: { version: true },
    });

    const event = { projectId: access.projectId, cardId: card.id, actorId: options.automation ? null : actorId, at: now };
    await tx.cardEvent.createMany({
      data: [
        { ...event, type: "MOVED", fromColumnId: card.columnId, toColumnId: column.id },
        ...(completion ? [{ ...event, type: completion, toColumnId: column.id }] : []),
        ...(breach ? [{ ...event, type: "WIP_BREACH", toColumnId: column.id, data: { ...breach } }] : []),
      ],
    });
    await publishBoardEvent(tx, access.projectId, "card.moved", { key: card.key, fromColumnId: card.columnId, toColumnId: column.id, boardRank, version: moved.version });
    if (rebalanced) await publishBoardEvent(tx, access.projectId, "board.changed", { change: "column.rebalanced", columnId: column.id });
  });
  // Read after commit: the row locks are already released, and relations load on pooled connections.
  return loadCardDto(access.cardId);
}
