import "server-only";
import { suggestFreeKey } from "@/lib/domain/project-key";
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

/**
 * Keys are unique across the whole instance, not per team: the refusal says so, without naming the
 * project or team that holds the key, and suggests the first free variant.
 */
async function keyTaken(key: string) {
  const similar = await db.project.findMany({ where: { key: { startsWith: key.slice(0, 8) } }, select: { key: true } });
  const suggestion = suggestFreeKey(key, new Set(similar.map((project) => project.key)));
  return conflict(
    "PROJECT_KEY_TAKEN",
    `The key ${key} is already taken: project keys are unique across this whole Shipboard instance, not just your team. ${suggestion} is free.`,
    { suggestion },
  );
}

export type NewColumn = { name: string; category: "TODO" | "IN_PROGRESS" | "DONE"; wipLimit: number | null; policy?: string; sourceId?: string };

/**
 * Creates a project with the default columns (or the given ones: a project started from an
 * import gets the source's). Team admins and product owners may create projects.
 */
export async function createProject(actor: Actor, input: Omit<CreateProjectInput, "import">, initialColumns: readonly NewColumn[] = DEFAULT_COLUMNS) {
  await requireTeamRole(actor, input.teamId, "PRODUCT_OWNER");
  const taken = await db.project.findUnique({ where: { key: input.key }, select: { id: true } });
  if (taken) throw await keyTaken(input.key);
  let rank: string | null = null;
  const columns = initialColumns.map((column) => ({ ...column, rank: (rank = rankBetween(rank, null)) }));
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
    if ((error as { code?: string }).code === "P2002") throw await keyTaken(input.key);
    throw error;
  }
}
