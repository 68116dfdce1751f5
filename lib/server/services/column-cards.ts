import "server-only";
// Bulk card changes caused by column administration (deleting a column, changing its category).
// Set-based SQL: one UPDATE and one history insert however many cards the column holds.
import { completionChange, type ColumnCategory, type CompletionChange } from "@/lib/domain/completion";
import { ranksBetween } from "@/lib/domain/ranking";
import { checkWip, type WipMode } from "@/lib/domain/wip";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../db";
import { unprocessable } from "../errors";

type Column = { id: string; name: string; category: ColumnCategory; wipLimit: number | null };

function completedAtFor(change: CompletionChange, now: Date) {
  if (change === "COMPLETED") return Prisma.sql`${now}`;
  if (change === "REOPENED") return Prisma.sql`NULL`;
  return Prisma.sql`c."completedAt"`;
}

/**
 * Moves every card of `source` to the bottom of `target`, keeping their order, as one would by
 * hand: new column, entry time, completion and version, a MOVED event each (plus COMPLETED /
 * REOPENED, and WIP_BREACH for the cards that enter over a soft limit). A hard limit refuses the
 * whole relocation. Both column rows must be locked by the caller. Returns how many cards moved.
 */
export async function relocateCards(tx: Tx, input: { projectId: string; actorId: string; source: Column; target: Column; wipMode: WipMode }) {
  const { projectId, actorId, source, target } = input;
  const cards = await tx.card.findMany({ where: { columnId: source.id }, orderBy: { boardRank: "asc" }, select: { id: true } });
  if (!cards.length) return 0;
  const count = await tx.card.count({ where: { columnId: target.id } });
  const wip = checkWip({ column: target, countAfterMove: count + cards.length, mode: input.wipMode, cardAlreadyInColumn: false });
  if (!wip.allowed) throw unprocessable("WIP_LIMIT_EXCEEDED", wip.reason, wip.details);
  const last = await tx.card.findFirst({ where: { columnId: target.id }, orderBy: { boardRank: "desc" }, select: { boardRank: true } });
  const ranks = ranksBetween(last?.boardRank ?? null, null, cards.length);
  const now = new Date();
  const completion = completionChange(source.category, target.category);
  // The source column condition skips a card a concurrent move took elsewhere meanwhile.
  const moved = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE "Card" AS c
    SET "columnId" = ${target.id}, "boardRank" = v.rank, "columnEnteredAt" = ${now}, "completedAt" = ${completedAtFor(completion, now)},
        version = c.version + 1, "updatedAt" = ${now}
    FROM unnest(${cards.map((card) => card.id)}::text[], ${ranks}::text[]) AS v(id, rank)
    WHERE c.id = v.id AND c."columnId" = ${source.id}
    RETURNING c.id`;
  const order = new Map(cards.map((card, index) => [card.id, index]));
  moved.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const event = { projectId, actorId, at: now, toColumnId: target.id };
  const limit = target.wipLimit;
  await tx.cardEvent.createMany({
    data: moved.flatMap(({ id }, index) => [
      { ...event, cardId: id, type: "MOVED", fromColumnId: source.id, data: { reason: "column deleted" } },
      ...(completion ? [{ ...event, cardId: id, type: completion }] : []),
      ...(wip.breach && limit !== null && count + index + 1 > limit
        ? [{ ...event, cardId: id, type: "WIP_BREACH", data: { columnId: target.id, column: target.name, limit, count: count + index + 1 } }]
        : []),
    ]),
  });
  return moved.length;
}

/** Completes or reopens every card of a column whose category changed into or out of DONE. */
export async function setCompletion(tx: Tx, input: { projectId: string; columnId: string; actorId: string; change: NonNullable<CompletionChange> }) {
  const now = new Date();
  const cards = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE "Card" AS c SET "completedAt" = ${completedAtFor(input.change, now)}, version = c.version + 1, "updatedAt" = ${now}
    WHERE c."columnId" = ${input.columnId}
    RETURNING c.id`;
  await tx.cardEvent.createMany({
    data: cards.map(({ id }) => ({
      projectId: input.projectId,
      cardId: id,
      type: input.change,
      toColumnId: input.columnId,
      actorId: input.actorId,
      at: now,
      data: { reason: "column category changed" },
    })),
  });
}
