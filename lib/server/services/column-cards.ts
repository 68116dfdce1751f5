import "server-only";
// Bulk card changes caused by column administration (deleting a column, changing its category).
// Set-based SQL: one UPDATE and one history insert however many cards the column holds.
import { completionChange, type ColumnCategory, type CompletionChange } from "@/lib/domain/completion";
import { ranksBetween } from "@/lib/domain/ranking";
import { checkWip, countsTowardWip, type WipMode, type WipScope } from "@/lib/domain/wip";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../db";
import { inWipScope } from "../queries/board";
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
 * whole relocation; it counts the cards under `scope` only (on a Scrum board, the active sprint's).
 * Both column rows must be locked by the caller. Returns how many cards moved.
 */
export async function relocateCards(tx: Tx, input: { projectId: string; actorId: string; source: Column; target: Column; wipMode: WipMode; scope: WipScope }) {
  const { projectId, actorId, source, target, scope } = input;
  const cards = await tx.card.findMany({ where: { columnId: source.id }, orderBy: { boardRank: "asc" }, select: { id: true, sprintId: true, type: true } });
  if (!cards.length) return 0;
  const [{ count }] = await tx.$queryRaw<[{ count: number }]>`SELECT count(*)::int AS count FROM "Card" w WHERE w."columnId" = ${target.id} AND ${inWipScope(scope, Prisma.sql`w`)}`;
  const entering = cards.filter((card) => countsTowardWip(scope, card)).length;
  const wip = checkWip({ column: target, countAfterMove: count + entering, mode: input.wipMode, cardAlreadyInColumn: false, countsTowardLimit: entering > 0 });
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
  const byId = new Map(cards.map((card, index) => [card.id, { ...card, index }]));
  moved.sort((a, b) => byId.get(a.id)!.index - byId.get(b.id)!.index);
  const event = { projectId, actorId, at: now, toColumnId: target.id };
  const limit = target.wipLimit;
  let counted = count;
  await tx.cardEvent.createMany({
    data: moved.flatMap(({ id }) => {
      if (countsTowardWip(scope, byId.get(id)!)) counted += 1;
      return [
        { ...event, cardId: id, type: "MOVED", fromColumnId: source.id, data: { reason: "column deleted" } },
        ...(completion ? [{ ...event, cardId: id, type: completion }] : []),
        ...(wip.breach && limit !== null && counted > limit && countsTowardWip(scope, byId.get(id)!)
          ? [{ ...event, cardId: id, type: "WIP_BREACH", data: { columnId: target.id, column: target.name, limit, count: counted } }]
          : []),
      ];
    }),
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
