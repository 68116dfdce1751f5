import "server-only";
// Moving a card on the board. One transaction per move; it writes the moved card's row, its
// history and one realtime event, and nothing else (no column is ever renumbered, except the
// rare rebalance below).
//
// Concurrency: the TARGET column row is locked first (SELECT … FOR UPDATE), so moves into one
// column run one at a time on every database. Each then reads the WIP count and its rank
// neighbours after the lock, fresh: a hard limit cannot be overshot and two moves into the same
// slot cannot pick the same key. Moves into different columns do not wait for each other.
// Lock order is always column, then card, so moves cannot deadlock one another. On a Scrum board
// the count covers the active sprint's cards only (what the board shows); a card outside it
// neither counts nor is refused. Adding cards to the running sprint takes the same column locks
// (services/backlog.ts), so it cannot slip a card past a limit either.
//
// Statements per move: lock the column; lock the card and read its placement (and its DoD items
// when it enters Done); write the card, its history and the realtime event (insert + NOTIFY),
// reading back the card for the response. The transaction is the database's own, outside Prisma
// (db.ts sqlTransaction): a move is latency-bound, and Prisma's interactive one doubles its cost.
import { completionChange, type ColumnCategory, type CompletionChange } from "@/lib/domain/completion";
import { compareRanks, needsRebalance, rankBetween, rebalance } from "@/lib/domain/ranking";
import { checkWip, countsTowardWip, wipScope, type BoardMode, type WipMode, type WipRefusal, type WipScope } from "@/lib/domain/wip";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CardAccess } from "../authz";
import { sqlTransaction, type SqlTx } from "../db";
import { notFound, unprocessable, validationFailed, versionConflict } from "../errors";
import { inWipScope } from "../queries/board";
import { cardDto, cardDtoQuery, type CardDto, type CardRow } from "../queries/cards";
import { boardEventsInsert } from "../realtime";
import { assertMayOverride, checkDefinitionOfDone, type DodItemState, type DodOverride } from "./dod";
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

type TargetColumn = {
  id: string;
  name: string;
  category: ColumnCategory;
  wipLimit: number | null;
  wipMode: WipMode;
  /** The cards the limit covers: on a Scrum board, the active sprint's only. */
  scope: WipScope;
  /** Cards in the column now that the limit covers, read under its lock; null when nothing needs it (no limit, or a reorder). */
  cardCount: number | null;
};
type MovingCard = {
  id: string;
  key: string;
  columnId: string;
  fromCategory: ColumnCategory;
  version: number;
  sprintId: string | null;
  type: string;
  /** The card's Definition-of-Done items, read when it moves to a DONE column; else null. */
  dodItems: DodItemState[] | null;
};

/**
 * Locks the target column and reads its limit and what the limit covers. The active sprint is
 * read after the lock: starting or completing a sprint while the move waits is seen.
 */
async function lockTargetColumn(tx: SqlTx, projectId: string, columnId: string): Promise<Omit<TargetColumn, "cardCount">> {
  const [column] = await tx.query<Omit<TargetColumn, "cardCount" | "scope"> & { mode: BoardMode; activeSprintId: string | null }>(Prisma.sql`
    SELECT c.id, c.name, c.category::text AS category, c."wipLimit", p."wipMode"::text AS "wipMode", p.mode::text AS mode,
      (SELECT s.id FROM "Sprint" s WHERE s."projectId" = p.id AND s.state = 'ACTIVE' LIMIT 1) AS "activeSprintId"
    FROM "Column" c JOIN "Project" p ON p.id = c."projectId"
    WHERE c.id = ${columnId} AND c."projectId" = ${projectId}
    FOR UPDATE OF c`);
  if (!column) throw validationFailed([{ path: "toColumnId", message: "No such column on this board." }]);
  const { mode, activeSprintId, ...rest } = column;
  return { ...rest, scope: wipScope(mode, activeSprintId) };
}

/**
 * Whether `card` may enter `column`. Throws the refusal (422 WIP_LIMIT_EXCEEDED in HARD mode;
 * 422 DOD_INCOMPLETE entering a DONE column with unmet Definition-of-Done items); returns a
 * SOFT-mode breach and an applied DoD override to record. `override` is the reason a product
 * owner gives to let a card into Done regardless (the caller checked the role).
 */
function assertMayEnterColumn(card: MovingCard, column: TargetColumn, override?: { reason: string }): { breach: WipRefusal | null; dodOverride: DodOverride | null } {
  const countAfterMove = (column.cardCount ?? 0) + 1;
  const result = checkWip({
    column,
    countAfterMove,
    mode: column.wipMode,
    cardAlreadyInColumn: card.columnId === column.id,
    countsTowardLimit: countsTowardWip(column.scope, card),
  });
  if (!result.allowed) throw unprocessable("WIP_LIMIT_EXCEEDED", result.reason, result.details);
  const breach = result.breach ? { columnId: column.id, column: column.name, limit: column.wipLimit!, count: countAfterMove } : null;
  return { breach, dodOverride: checkDefinitionOfDone(card, column, override) };
}

type Placement = { cardCount: number | null; afterRank: string | null; beforeRank: string | null; neighbour: string | null };

/**
 * Locks the moved card and, in the same statement, reads where it goes: the target column's card
 * count (when it enters a limited column), the anchors' ranks (null when not in the target
 * column) and its other actual neighbour: the next card below `afterKey`, else the card above
 * `beforeKey`, else the bottom card (each an index probe on (columnId, boardRank)).
 *
 * Runs after the target column is locked, so every card that entered that column before is
 * visible and none can enter meanwhile; a card leaving it concurrently can only make the count
 * one too high (a refusal errs on the safe side). The source category is a sub-select, not a
 * join, which would drop the row if a concurrent move changed its column while we waited.
 */
async function lockCard(tx: SqlTx, access: Pick<CardAccess, "cardId" | "cardKey">, column: Omit<TargetColumn, "cardCount">, input: MoveCardInput) {
  const [row] = await tx.query<MovingCard & Placement>(Prisma.sql`
    SELECT k.id, k.key, k."columnId", k.version, k."sprintId", k.type::text AS type,
      (SELECT category::text FROM "Column" WHERE id = k."columnId") AS "fromCategory",
      CASE WHEN k."columnId" <> ${column.id} AND ${column.wipLimit !== null} THEN (SELECT count(*)::int FROM "Card" w WHERE w."columnId" = ${column.id} AND ${inWipScope(column.scope, Prisma.sql`w`)}) END AS "cardCount",
      a."boardRank" AS "afterRank",
      b."boardRank" AS "beforeRank",
      CASE
        WHEN a."boardRank" IS NOT NULL THEN (SELECT min("boardRank") FROM "Card" WHERE "columnId" = ${column.id} AND id <> k.id AND "boardRank" > a."boardRank")
        WHEN b."boardRank" IS NOT NULL THEN (SELECT max("boardRank") FROM "Card" WHERE "columnId" = ${column.id} AND id <> k.id AND "boardRank" < b."boardRank")
        ELSE (SELECT max("boardRank") FROM "Card" WHERE "columnId" = ${column.id} AND id <> k.id)
      END AS neighbour,
      CASE WHEN ${column.category === "DONE"} THEN (
        SELECT coalesce(json_agg(json_build_object('id', i.id, 'text', i.text, 'done', i.done) ORDER BY i.position), '[]')
        FROM "ChecklistItem" i WHERE i."cardId" = k.id AND i.list = 'DOD'
      ) END AS "dodItems"
    FROM "Card" k
    LEFT JOIN "Card" a ON a.key = ${input.afterKey ?? null} AND a."columnId" = ${column.id}
    LEFT JOIN "Card" b ON b.key = ${input.beforeKey ?? null} AND b."columnId" = ${column.id}
    WHERE k.id = ${access.cardId}
    FOR UPDATE OF k`);
  if (!row) throw notFound(`Card ${access.cardKey}`);
  const { cardCount, afterRank, beforeRank, neighbour, ...card } = row;
  return { card, placement: { cardCount, afterRank, beforeRank, neighbour } };
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
async function rebalanceColumn(tx: SqlTx, card: MovingCard, columnId: string, lower: string | null): Promise<string> {
  const rows = await tx.query<{ id: string; boardRank: string }>(Prisma.sql`SELECT id, "boardRank" FROM "Card" WHERE "columnId" = ${columnId} AND id <> ${card.id} ORDER BY "boardRank"`);
  const ordered = rows.map((row) => row.id);
  ordered.splice(lower === null ? 0 : rows.findIndex((row) => row.boardRank === lower) + 1, 0, card.id);
  const ranks = rebalance(ordered);
  const movedRank = ranks.get(card.id)!;
  // A card coming from another column keeps its old key until the move itself rewrites the row.
  if (card.columnId !== columnId) ranks.delete(card.id);
  await rewriteRanks(tx, "Card", ranks);
  return movedRank;
}

type MoveWrite = {
  projectId: string;
  cardId: string;
  toColumnId: string;
  boardRank: string;
  columnChanged: boolean;
  completion: CompletionChange;
  actorId: string | null;
  history: Array<{ type: string; fromColumnId?: string; data?: object }>;
  /** The board event's payload. */
  event: Record<string, unknown>;
};

/**
 * The whole write in one statement, answering with the moved card as the API shows it (a move is
 * latency-bound: every round trip counts): the card row, its history rows and the board event.
 * Also sets what Prisma would: `updatedAt`, and ids for the history rows (UUIDs, from the database).
 */
async function writeMove(tx: SqlTx, move: MoveWrite): Promise<CardDto> {
  const now = new Date();
  const completedAt = move.completion === "COMPLETED" ? Prisma.sql`${now}::timestamp(3)` : move.completion === "REOPENED" ? Prisma.sql`NULL` : Prisma.sql`"completedAt"`;
  const [row] = await tx.query<CardRow>(Prisma.sql`
    WITH history AS (
      INSERT INTO "CardEvent" (id, "projectId", "cardId", type, "fromColumnId", "toColumnId", "actorId", data, at)
      SELECT gen_random_uuid()::text, ${move.projectId}, ${move.cardId}, e.type, e."fromColumnId", ${move.toColumnId}, ${move.actorId}, e.data, ${now}::timestamp(3)
      FROM jsonb_to_recordset(${JSON.stringify(move.history)}::jsonb) AS e(type text, "fromColumnId" text, data jsonb)
    ),
    event AS (${boardEventsInsert(move.projectId, "card.moved", [move.event])}),
    moved AS (
      UPDATE "Card" SET
        "columnId" = ${move.toColumnId}, "boardRank" = ${move.boardRank}, version = version + 1, "updatedAt" = ${now}::timestamp(3),
        "columnEnteredAt" = ${move.columnChanged ? Prisma.sql`${now}::timestamp(3)` : Prisma.sql`"columnEnteredAt"`},
        "completedAt" = ${completedAt}
      WHERE id = ${move.cardId}
      RETURNING *
    )
    ${cardDtoQuery(Prisma.sql`moved`)}`);
  return cardDto(row!);
}

/** Moves a card to a column and position (see MoveCardInput); returns the card as the API shows it. */
export async function moveCard(access: CardAccess, actorId: string, input: MoveCardInput, options: MoveCardOptions = {}): Promise<CardDto> {
  if (input.override) assertMayOverride(access.role);
  return sqlTransaction((tx) => moveCardInTx(tx, access, options.automation ? null : actorId, input, options));
}

/**
 * The move itself, in the caller's transaction: automation rules run it inside the webhook
 * processing transaction (services/automation.ts), so their moves commit with the facts that
 * caused them. A refusal throws before anything is written.
 */
export async function moveCardInTx(tx: SqlTx, access: Pick<CardAccess, "projectId" | "cardId" | "cardKey">, actorId: string | null, input: MoveCardInput, options: MoveCardOptions = {}): Promise<CardDto> {
  const locked = await lockTargetColumn(tx, access.projectId, input.toColumnId);
  const { card, placement } = await lockCard(tx, access, locked, input);
  if (!options.automation && input.version !== undefined && input.version !== card.version) throw versionConflict({ version: card.version });
  const column: TargetColumn = { ...locked, cardCount: placement.cardCount };
  const { breach, dodOverride } = assertMayEnterColumn(card, column, input.override);

  const { lower, upper } = bounds(card, input, placement);
  let boardRank = rankBetween(lower, upper);
  const rebalanced = needsRebalance(boardRank);
  if (rebalanced) boardRank = await rebalanceColumn(tx, card, column.id, lower);

  const columnChanged = card.columnId !== column.id;
  const completion = columnChanged ? completionChange(card.fromCategory, column.category) : null;
  const history = [
    { type: "MOVED", fromColumnId: card.columnId },
    ...(completion ? [{ type: completion }] : []),
    ...(breach ? [{ type: "WIP_BREACH", data: breach }] : []),
    ...(dodOverride ? [{ type: "DOD_OVERRIDE", data: dodOverride }] : []),
  ];
  // The card row is locked: the write makes its version exactly one more.
  const version = card.version + 1;
  const moved = await writeMove(tx, {
    projectId: access.projectId,
    cardId: card.id,
    toColumnId: column.id,
    boardRank,
    columnChanged,
    completion,
    actorId,
    history,
    event: { key: card.key, fromColumnId: card.columnId, toColumnId: column.id, boardRank, version },
  });
  if (rebalanced) await tx.execute(boardEventsInsert(access.projectId, "board.changed", [{ change: "column.rebalanced", columnId: column.id }]));
  return moved;
}
