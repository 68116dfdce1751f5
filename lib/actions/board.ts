"use server";
// Board mutations from the UI. Moves are optimistic on the client and decided here (no
// revalidation: the mover already shows the result, everyone else hears of it over SSE).
// Column and board administration revalidate the project's pages.
import { z } from "zod";
import { requireCardRole, requireProjectRole } from "@/lib/server/authz";
import type { CardDto } from "@/lib/server/queries/cards";
import { moveCard } from "@/lib/server/services/board";
import { updateBoardSettings } from "@/lib/server/services/board-settings";
import { createColumn, deleteColumn, updateColumn, type ColumnDto } from "@/lib/server/services/columns";
import { boardSettingsSchema, createColumnSchema, deleteColumnSchema, moveCardSchema, updateColumnSchema } from "@/lib/validation/board";
import { cardKeySchema, idSchema } from "@/lib/validation/common";
import { projectAction } from "./project-action";
import type { ActionResult } from "./result";

const moveCardActionSchema = moveCardSchema.extend({ cardKey: cardKeySchema, version: z.number().int().min(1) });
export type MoveCardActionInput = z.input<typeof moveCardActionSchema>;

/** Moves a card (see moveCardSchema for afterKey / beforeKey); refusals come back as values (WIP_LIMIT_EXCEEDED, VERSION_CONFLICT, …). */
export async function moveCardAction(input: MoveCardActionInput): Promise<ActionResult<CardDto>> {
  return projectAction({
    authorize: (actor) => requireCardRole(actor, String(input?.cardKey ?? ""), "MEMBER"),
    schema: moveCardActionSchema,
    input,
    run: (access, { cardKey: _cardKey, ...move }, actor) => moveCard(access, actor.userId, move),
    revalidate: false,
  });
}

const updateColumnActionSchema = updateColumnSchema.extend({ id: idSchema });

/** Creates a column, or with `id` updates it (name, category, wipLimit, policy, afterId / beforeId). */
export async function saveColumnAction(projectKey: string, input: unknown): Promise<ActionResult<ColumnDto>> {
  const isUpdate = typeof input === "object" && input !== null && "id" in input;
  return projectAction({
    authorize: (actor) => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"),
    schema: isUpdate ? updateColumnActionSchema : createColumnSchema,
    input,
    run: (access, data, actor) => ("id" in data ? updateColumn(access, actor.userId, data.id, data) : createColumn(access, data)),
  });
}

/** Moves a column to just after `afterId` or just before `beforeId`. */
export async function reorderColumnAction(projectKey: string, input: { columnId: string; afterId?: string; beforeId?: string }): Promise<ActionResult<ColumnDto>> {
  const { columnId, ...place } = input ?? {};
  return saveColumnAction(projectKey, { id: columnId, ...place });
}

/** Deletes a column; one with cards needs `moveCardsTo` (else COLUMN_NOT_EMPTY with `details.count`). */
export async function deleteColumnAction(projectKey: string, columnId: string, moveCardsTo?: string): Promise<ActionResult<{ deleted: string; movedCards: number }>> {
  return projectAction({
    authorize: (actor) => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"),
    schema: deleteColumnSchema.extend({ columnId: idSchema }),
    input: { columnId, moveCardsTo },
    run: (access, data, actor) => deleteColumn(access, actor.userId, data.columnId, data.moveCardsTo),
  });
}

/** Board settings: `wipMode`, `mode` (scrum / kanban), `agingDays`. Enum values in either case ("HARD" or "hard"). */
export async function saveBoardSettingsAction(projectKey: string, input: unknown) {
  return projectAction({
    authorize: (actor) => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"),
    schema: boardSettingsSchema,
    input,
    run: (access, data) => updateBoardSettings(access, data),
  });
}

export async function setWipModeAction(projectKey: string, wipMode: "HARD" | "SOFT") {
  return saveBoardSettingsAction(projectKey, { wipMode });
}
