"use server";
// Board mutations from the UI. Moves are optimistic on the client and decided here (no
// revalidation: the mover already shows the result, everyone else hears of it over SSE).
// Column and board administration revalidate the project's pages.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireCardRole, requireProjectRole } from "@/lib/server/authz";
import type { CardDto } from "@/lib/server/queries/cards";
import { currentActor } from "@/lib/server/session";
import { moveCard } from "@/lib/server/services/board";
import { updateBoardSettings } from "@/lib/server/services/board-settings";
import { createColumn, deleteColumn, updateColumn, type ColumnDto } from "@/lib/server/services/columns";
import { boardSettingsSchema, createColumnSchema, deleteColumnSchema, moveCardSchema, updateColumnSchema } from "@/lib/validation/board";
import { cardKeySchema, idSchema } from "@/lib/validation/common";
import { attempt, invalid, type ActionResult } from "./result";

const moveCardActionSchema = moveCardSchema.extend({ cardKey: cardKeySchema, version: z.number().int().min(1) });
export type MoveCardActionInput = z.input<typeof moveCardActionSchema>;

/** Moves a card (see moveCardSchema for afterKey / beforeKey); refusals come back as values (WIP_LIMIT_EXCEEDED, VERSION_CONFLICT, …). */
export async function moveCardAction(input: MoveCardActionInput): Promise<ActionResult<CardDto>> {
  const actor = await currentActor();
  const access = await attempt(() => requireCardRole(actor, String(input?.cardKey ?? ""), "MEMBER"));
  if (!access.ok) return access;
  const parsed = moveCardActionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const { cardKey: _cardKey, ...move } = parsed.data;
  return attempt(() => moveCard(access.data, actor.userId, move));
}

const updateColumnActionSchema = updateColumnSchema.extend({ id: idSchema });

/** Creates a column, or with `id` updates it (name, category, wipLimit, policy, afterId / beforeId). */
export async function saveColumnAction(projectKey: string, input: unknown): Promise<ActionResult<ColumnDto>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"));
  if (!access.ok) return access;
  const isUpdate = typeof input === "object" && input !== null && "id" in input;
  const parsed = (isUpdate ? updateColumnActionSchema : createColumnSchema).safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const data = parsed.data;
  const result = await attempt(() => ("id" in data ? updateColumn(access.data, actor.userId, data.id, data) : createColumn(access.data, data)));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}

/** Moves a column to just after `afterId` or just before `beforeId`. */
export async function reorderColumnAction(projectKey: string, input: { columnId: string; afterId?: string; beforeId?: string }): Promise<ActionResult<ColumnDto>> {
  const { columnId, ...place } = input ?? {};
  return saveColumnAction(projectKey, { id: columnId, ...place });
}

/** Deletes a column; one with cards needs `moveCardsTo` (else COLUMN_NOT_EMPTY with `details.count`). */
export async function deleteColumnAction(projectKey: string, columnId: string, moveCardsTo?: string): Promise<ActionResult<{ deleted: string; movedCards: number }>> {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"));
  if (!access.ok) return access;
  const parsed = deleteColumnSchema.extend({ columnId: idSchema }).safeParse({ columnId, moveCardsTo });
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => deleteColumn(access.data, actor.userId, parsed.data.columnId, parsed.data.moveCardsTo));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}

/** Board settings: `wipMode`, `mode` (scrum / kanban), `agingDays`. Enum values in either case ("HARD" or "hard"). */
export async function saveBoardSettingsAction(projectKey: string, input: unknown) {
  const actor = await currentActor();
  const access = await attempt(() => requireProjectRole(actor, projectKey, "PRODUCT_OWNER"));
  if (!access.ok) return access;
  const parsed = boardSettingsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result = await attempt(() => updateBoardSettings(access.data, parsed.data));
  revalidatePath(`/${access.data.projectKey}`, "layout");
  return result;
}

export async function setWipModeAction(projectKey: string, wipMode: "HARD" | "SOFT") {
  return saveBoardSettingsAction(projectKey, { wipMode });
}
