import "server-only";
import type { BoardSettingsInput } from "@/lib/validation/board";
import type { ProjectAccess } from "../authz";
import { db } from "../db";
import { validationFailed } from "../errors";
import { boardProjectDto } from "../queries/board";
import { publishBoardEvent } from "../realtime";

/**
 * Board-wide settings: WIP enforcement (hard refuses, soft records a breach), scrum or kanban, days until a card counts as aging,
 * and what the reports follow: the workflow stages (columns that start and finish work), the time zone of their days and
 * which environments are production. A change of production environments changes what the delivery report counts.
 */
export async function updateBoardSettings(access: ProjectAccess, input: BoardSettingsInput) {
  return db.$transaction(async (tx) => {
    if (input.startColumnId || input.finishColumnIds?.length) {
      const ids = new Set((await tx.column.findMany({ where: { projectId: access.projectId }, select: { id: true } })).map((column) => column.id));
      const issues = [
        ...(input.startColumnId && !ids.has(input.startColumnId) ? [{ path: "startColumnId", message: "Not a column of this board." }] : []),
        ...(input.finishColumnIds?.some((id) => !ids.has(id)) ? [{ path: "finishColumnIds", message: "Not all of these are columns of this board." }] : []),
      ];
      if (issues.length) throw validationFailed(issues);
    }
    const project = await tx.project.update({
      where: { id: access.projectId },
      data: {
        ...(input.wipMode && { wipMode: input.wipMode }),
        ...(input.mode && { mode: input.mode }),
        ...(input.agingDays !== undefined && { agingDays: input.agingDays }),
        ...(input.startColumnId !== undefined && { startColumnId: input.startColumnId }),
        ...(input.finishColumnIds && { finishColumnIds: [...new Set(input.finishColumnIds)] }),
        ...(input.timeZone && { timeZone: input.timeZone }),
        ...(input.productionEnvironments && { productionEnvironments: [...new Set(input.productionEnvironments)] }),
      },
      select: { key: true, name: true, mode: true, wipMode: true, agingDays: true, timeZone: true, startColumnId: true, finishColumnIds: true, productionEnvironments: true },
    });
    await publishBoardEvent(tx, access.projectId, "board.changed", { change: "settings" });
    return boardProjectDto(project);
  });
}
