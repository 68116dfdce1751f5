import "server-only";
// Adding cards to the running sprint puts them on the Scrum board, in the columns they sit in, so
// the columns' WIP limits apply as to a move (services/board.ts). Called with the project row
// locked (FOR NO KEY UPDATE, which moves never wait for); it then locks every limited column of
// the board, in id order, like a move target: no card can enter one meanwhile, and the cards are
// read afresh after the locks. Lock order project → column → card never meets a move (column →
// card) the other way round.
import { checkWip, countsTowardWip, wipScope, type WipMode } from "@/lib/domain/wip";
import type { Tx } from "../db";
import { unprocessable } from "../errors";

type LimitedColumn = { id: string; name: string; wipLimit: number; wipMode: WipMode; inSprint: number };

/**
 * Refuses (422 WIP_LIMIT_EXCEEDED, HARD mode) adding `cardIds` to the active sprint `sprintId` when
 * a column would then hold more of the sprint's cards than its limit; in SOFT mode returns the
 * breaches to record, one per card entering over the limit.
 */
export async function checkSprintEntry(tx: Tx, projectId: string, sprintId: string, cardIds: string[], actorId: string) {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Column" WHERE "projectId" = ${projectId} AND "wipLimit" IS NOT NULL ORDER BY id FOR UPDATE`;
  if (!locked.length || !cardIds.length) return [];
  // A second statement: one that waited for a lock would still count with its older snapshot.
  const columns = await tx.$queryRaw<LimitedColumn[]>`
    SELECT c.id, c.name, c."wipLimit", p."wipMode"::text AS "wipMode",
      (SELECT count(*)::int FROM "Card" k WHERE k."columnId" = c.id AND k."sprintId" = ${sprintId} AND k.type <> 'EPIC') AS "inSprint"
    FROM "Column" c JOIN "Project" p ON p.id = c."projectId"
    WHERE c.id = ANY(${locked.map((column) => column.id)}::text[]) AND c."wipLimit" IS NOT NULL
    ORDER BY c.id`;
  const scope = wipScope("SCRUM", sprintId);
  const cards = await tx.card.findMany({ where: { id: { in: cardIds } }, orderBy: { rank: "asc" }, select: { id: true, columnId: true, type: true } });
  const breaches = [];
  for (const column of columns) {
    const entering = cards.filter((card) => card.columnId === column.id && countsTowardWip(scope, { sprintId, type: card.type }));
    if (!entering.length) continue;
    const wip = checkWip({ column, countAfterMove: column.inSprint + entering.length, mode: column.wipMode, cardAlreadyInColumn: false });
    if (!wip.allowed) throw unprocessable("WIP_LIMIT_EXCEEDED", `Not added to the sprint: ${wip.reason}`, wip.details);
    if (!wip.breach) continue;
    for (const [index, card] of entering.entries()) {
      const count = column.inSprint + index + 1;
      if (count > column.wipLimit) {
        breaches.push({ projectId, cardId: card.id, type: "WIP_BREACH", toColumnId: column.id, actorId, data: { columnId: column.id, column: column.name, limit: column.wipLimit, count } });
      }
    }
  }
  return breaches;
}
