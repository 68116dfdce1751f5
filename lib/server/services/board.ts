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

export type TargetColumn = { id: string; name: string; category: ColumnCategory; wipLimit: number | null; wipMode: WipMode };
export type MovingCard = { id: string; key: string; columnId: string; fromCategory: ColumnCategory; version: number };

async function lockTargetColumn(tx: Tx, projectId: string, columnId: string): Promise<TargetColumn> {
  const [column] = await tx.$queryRaw<TargetColumn[]>`
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
export async function assertMayEnterColumn(tx: Tx, card: MovingCard, column: TargetColumn, _override?: { reason: string }): Promise<WipRefusal | null> {
  const entering = card.columnId !== column.id;
  // Counting is only needed when the card enters a limited column; the target lock keeps it exact.
  const count = entering && column.wipLimit !== null ? await tx.card.count({ where: { columnId: column.id } }) : 0;
  const result = checkWip({ column, countAfterMove: count + 1, mode: column.wipMode, cardAlreadyInColumn: !entering });
  if (!result.allowed) throw unprocessable("WIP_LIMIT_EXCEEDED", result.reason, result.details);
  return result.breach ? { columnId: column.id, column: column.name, limit: column.wipLimit!, count: count + 1 } : null;
}

type Bounds = { lower: string | null; upper: string | null };

/**
 * The ranks of the moved card's actual neighbours. Anchors must be other cards of the target
 * column. The key is always generated between two cards that are adjacent right now (under the
 * column lock), so it cannot collide with a card in between: when `afterKey` and `beforeKey` are
 * no longer adjacent (someone put a card between them meanwhile), the card goes directly below
 * `afterKey`.
 */
async function neighbourRanks(tx: Tx, card: MovingCard, columnId: string, input: MoveCardInput): Promise<Bounds> {
  const keys = [input.afterKey, input.beforeKey].filter((key): key is string => Boolean(key));
  const anchors = keys.length ? await tx.card.findMany({ where: { key: { in: keys } }, select: { id: true, key: true, columnId: true, boardRank: true } }) : [];
  const anchor = (key: string | undefined, path: string) => {
    if (!key) return null;
    const found = anchors.find((a) => a.key === key);
    if (found?.id === card.id) throw validationFailed([{ path, message: "A card cannot be placed next to itself." }]);
    if (!found || found.columnId !== columnId) throw validationFailed([{ path, message: `${key} is not in the target column.` }]);
    return found.boardRank;
  };
  const after = anchor(input.afterKey, "afterKey");
  const before = anchor(input.beforeKey, "beforeKey");
  if (after !== null && before !== null && compareRanks(after, before) >= 0) {
    throw validationFailed([{ path: "beforeKey", message: `${input.beforeKey} is above ${input.afterKey}.` }]);
  }
  const others = { columnId, id: { not: card.id } };
  if (after !== null) {
    const next = await tx.card.findFirst({ where: { ...others, boardRank: { gt: after } }, orderBy: { boardRank: "asc" }, select: { boardRank: true } });
    return { lower: after, upper: next?.boardRank ?? null };
  }
  const previous = await tx.card.findFirst({
    where: before === null ? others : { ...others, boardRank: { lt: before } },
    orderBy: { boardRank: "desc" },
    select: { boardRank: true },
  });
  return { lower: previous?.boardRank ?? null, upper: before };
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
    const column = await lockTargetColumn(tx, access.projectId, input.toColumnId);
    const card = await lockCard(tx, access.cardId, access.cardKey);
    if (!options.automation && input.version !== undefined && input.version !== card.version) throw versionConflict({ version: card.version });
    const breach = await assertMayEnterColumn(tx, card, column, input.override);

    const { lower, upper } = await neighbourRanks(tx, card, column.id, input);
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
