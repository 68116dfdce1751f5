import "server-only";
import type { BoardSettingsInput } from "@/lib/validation/board";
import type { ProjectAccess } from "../authz";
import { db } from "../db";
import { boardProjectDto } from "../queries/board";
import { publishBoardEvent } from "../realtime";

/** Board-wide settings: WIP enforcement (hard refuses, soft records a breach), scrum or kanban, days until a card counts as aging. */
export async function updateBoardSettings(access: ProjectAccess, input: BoardSettingsInput) {
  return db.$transaction(async (tx) => {
    const project = await tx.project.update({
      where: { id: access.projectId },
      data: {
        ...(input.wipMode && { wipMode: input.wipMode }),
        ...(input.mode && { mode: input.mode }),
        ...(input.agingDays !== undefined && { agingDays: input.agingDays }),
      },
      select: { key: true, name: true, mode: true, wipMode: true, agingDays: true },
    });
    await publishBoardEvent(tx, access.projectId, "board.changed", { change: "settings" });
    return boardProjectDto(project);
  });
}
