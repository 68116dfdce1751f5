import "server-only";
// Board change feed. Each change is stored as a RealtimeEvent inside the writer's transaction and
// announced with NOTIFY, which PostgreSQL delivers on commit to every instance that LISTENs.
import type { Tx } from "./db";

export const BOARD_CHANNEL = "shipboard_board";

export type BoardEventKind = "card.created" | "card.updated" | "card.moved" | "card.deleted" | "board.changed";

export async function publishBoardEvent(tx: Tx, projectId: string, kind: BoardEventKind, payload: Record<string, unknown>) {
  // One round trip for both: this runs inside every board write's transaction.
  await tx.$executeRaw`
    WITH event AS (
      INSERT INTO "RealtimeEvent" ("projectId", kind, payload) VALUES (${projectId}, ${kind}, ${JSON.stringify(payload)}::jsonb) RETURNING id
    )
    SELECT pg_notify(${BOARD_CHANNEL}, ${projectId}::text || ':' || event.id::text) FROM event`;
}

/** Several events of one kind in one round trip (every card a batch of CI deliveries touched). */
export async function publishBoardEvents(tx: Tx, projectId: string, kind: BoardEventKind, payloads: ReadonlyArray<Record<string, unknown>>) {
  if (payloads.length === 0) return;
  await tx.$executeRaw`
    WITH event AS (
      INSERT INTO "RealtimeEvent" ("projectId", kind, payload)
      SELECT ${projectId}, ${kind}, payload::jsonb FROM unnest(${payloads.map((payload) => JSON.stringify(payload))}::text[]) AS payload
      RETURNING id
    )
    SELECT pg_notify(${BOARD_CHANNEL}, ${projectId}::text || ':' || event.id::text) FROM event`;
}
