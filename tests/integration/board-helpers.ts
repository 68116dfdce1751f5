// Shared set-up for the board integration tests: a world with cards, and readers of the raw rows.
import * as moveRoute from "@/app/api/v1/cards/[cardKey]/move/route";
import { compareRanks } from "@/lib/domain/ranking";
import { currentDatabase } from "@/lib/server/database";
import { call } from "@/lib/server/testing/http";
import { makeCard, makeWorld } from "@/prisma/factories";

const prisma = () => currentDatabase().prisma;

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** The project's columns by name: "To do", "In progress" (WIP 5), "Review" (WIP 3), "Done". */
export async function columnsByName(projectId: string) {
  const columns = await prisma().column.findMany({ where: { projectId }, select: { id: true, name: true } });
  return Object.fromEntries(columns.map((column) => [column.name, column.id])) as Record<string, string>;
}

export async function makeCards(world: World, count: number, columnId: string, prefix = "Card") {
  const cards = [];
  for (let i = 0; i < count; i++) cards.push(await makeCard(world.project, world.users.MEMBER.id, { title: `${prefix} ${i}`, columnId }));
  return cards;
}

export function move(cardKey: string, body: unknown, token: string) {
  return call(moveRoute.POST, { method: "POST", path: `/api/v1/cards/${cardKey}/move`, params: { cardKey }, body, auth: { token } });
}

/** Card keys of a column in board order, straight from the rows. */
export async function columnOrder(columnId: string) {
  const cards = await prisma().card.findMany({ where: { columnId }, select: { key: true, boardRank: true } });
  return cards.sort((a, b) => compareRanks(a.boardRank, b.boardRank)).map((card) => card.key);
}

/** Every card row of a project as a comparable snapshot. */
export async function cardRows(projectId: string) {
  const cards = await prisma().card.findMany({ where: { projectId }, select: { key: true, columnId: true, boardRank: true, updatedAt: true, version: true, completedAt: true } });
  return new Map(cards.map((card) => [card.key, card]));
}

export async function eventCounts(projectId: string) {
  const [history, realtime] = await Promise.all([prisma().cardEvent.count({ where: { projectId } }), prisma().realtimeEvent.count({ where: { projectId } })]);
  return { history, realtime };
}
