import "server-only";
import { rankBetween } from "@/lib/domain/ranking";
import type { Actor } from "../authenticate";
import { requireTeamRole } from "../authz";
import { db } from "../db";
import { conflict } from "../errors";
import type { CreateProjectInput } from "@/lib/validation/projects";

export const DEFAULT_COLUMNS = [
  { name: "To do", category: "TODO", wipLimit: null },
  { name: "In progress", category: "IN_PROGRESS", wipLimit: 5 },
  { name: "Review", category: "IN_PROGRESS", wipLimit: 3 },
  { name: "Done", category: "DONE", wipLimit: null },
] as const;

/** Creates a project with the default columns. Team admins and product owners may create projects. */
export async function createProject(actor: Actor, input: CreateProjectInput) {
  await requireTeamRole(actor, input.teamId, "PRODUCT_OWNER");
  const taken = await db.project.findUnique({ where: { key: input.key }, select: { id: true } });
  if (taken) throw conflict("PROJECT_KEY_TAKEN", `The key ${input.key} is already used by another project.`);
  let rank: string | null = null;
  const columns = DEFAULT_COLUMNS.map((column) => ({ ...column, rank: (rank = rankBetween(rank, null)) }));
  try {
    return await db.project.create({
      data: {
        key: input.key,
        name: input.name,
        teamId: input.teamId,
        description: input.description ?? "",
        mode: input.mode === "scrum" ? "SCRUM" : "KANBAN",
        columns: { create: columns },
      },
      select: { id: true, key: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw conflict("PROJECT_KEY_TAKEN", `The key ${input.key} is already used by another project.`);
    throw error;
  }
}
