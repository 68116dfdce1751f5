import "server-only";
// Board change feed. Each change is stored as a RealtimeEvent inside the writer's transaction and
// announced with NOTIFY, which PostgreSQL delivers on commit to every instance that LISTENs.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "./db";

export const BOARD_CHANNEL = "shipboard_board";

export type BoardEventKind = "card.created" | "card.updated" | "card.moved" | "card.deleted" | "board.changed";

/**
 * Inserts the events and NOTIFYs each from its RETURNING clause: one statement, which a writer
 * may also embed as a data-modifying CTE of its own statement (PostgreSQL runs those whether or
 * not the rest of the statement reads them).
 */
export function boardEventsInsert(projectId: string, kind: BoardEventKind, payloads: ReadonlyArray<Record<string, unknown>>) {
  return Prisma.sql`
    INSERT INTO "RealtimeEvent" ("projectId", kind, payload)
    SELECT ${projectId}, ${kind}, payload::jsonb FROM unnest(${payloads.map((payload) => JSON.stringify(payload))}::text[]) AS payload
    RETURNING pg_notify(${BOARD_CHANNEL}, "projectId" || ':' || id::text)`;
}

export async function publishBoardEvent(tx: Tx, projectId: string, kind: BoardEventKind, payload: Record<string, unknown>) {
  await publishBoardEvents(tx, projectId, kind, [payload]);
}

/** Several events of one kind in one round trip (every card a batch of CI deliveries touched). */
export async function publishBoardEvents(tx: Tx, projectId: string, kind: BoardEventKind, payloads: ReadonlyArray<Record<string, unknown>>) {
  if (payloads.length === 0) return;
  await tx.$executeRaw(boardEventsInsert(projectId, kind, payloads));
}
