import "server-only";
// Board change feed. Each change is stored as a RealtimeEvent inside the writer's transaction and
// announced with NOTIFY, which PostgreSQL delivers on commit to every instance that LISTENs.
import type { Tx } from "./db";

export const BOARD_CHANNEL = "shipboard_board";

export type BoardEventKind = "card.created" | "card.updated" | "card.moved" | "card.deleted" | "board.changed";

export async function publishBoardEvent(tx: Tx, projectId: string, kind: BoardEventKind, payload: Record<string, unknown>) {
  const event = await tx.realtimeEvent.create({ data: { projectId, kind, payload: payload as object }, select: { id: true } });
  await tx.$executeRaw`SELECT pg_notify(${BOARD_CHANNEL}, ${`${projectId}:${event.id}`})`;
}
