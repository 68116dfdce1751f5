// Builders for demo data and tests. They go through the real services, so keys, ranks and history
// follow the same rules as the product.
import type { TeamRole } from "@/lib/domain/roles";
import type { Actor } from "@/lib/server/authenticate";
import type { ProjectAccess } from "@/lib/server/authz";
import { currentDatabase } from "@/lib/server/database";
import { hashPassword } from "@/lib/server/passwords";
import { createCard } from "@/lib/server/services/cards";
import { createProject } from "@/lib/server/services/projects";
import type { CreateCardInput } from "@/lib/validation/cards";

const prisma = () => currentDatabase().prisma;

export async function makeUser(input: { email: string; name?: string; password?: string }) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const user = await prisma().user.upsert({
    where: { email: input.email },
    create: { email: input.email, name: input.name ?? input.email.split("@")[0]!, passwordHash },
    update: {},
    select: { id: true, email: true, name: true },
  });
  return { ...user, actor: { userId: user.id, via: "session" } as Actor };
}

export async function makeTeam(name: string, members: Array<{ userId: string; role: TeamRole }>) {
  return prisma().team.create({
    data: { name, slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${Math.random().toString(36).slice(2, 8)}`, memberships: { create: members } },
    select: { id: true, name: true },
  });
}

export async function makeProject(owner: Actor, input: { teamId: string; key: string; name?: string; mode?: "scrum" | "kanban" }): Promise<ProjectAccess> {
  const project = await createProject(owner, { key: input.key, name: input.name ?? input.key, teamId: input.teamId, mode: input.mode });
  return { projectId: project.id, projectKey: project.key, teamId: input.teamId, role: "OWNER" };
}

export async function makeCard(access: ProjectAccess, actorId: string, input: Partial<CreateCardInput> & { columnId?: string } = {}) {
  const { columnId, ...fields } = input;
  return createCard(access, actorId, { title: fields.title ?? "A card", ...fields }, { columnId });
}

/** A team with one user per role and a project: the usual starting point of a test. */
export async function makeWorld(projectKey = "TEST", mode: "scrum" | "kanban" = "kanban") {
  const suffix = Math.random().toString(36).slice(2, 8);
  const roles: TeamRole[] = ["OWNER", "ADMIN", "PRODUCT_OWNER", "MEMBER", "VIEWER"];
  const users = Object.fromEntries(
    await Promise.all(roles.map(async (role) => [role, await makeUser({ email: `${role.toLowerCase()}-${suffix}@test.example` })] as const)),
  ) as Record<TeamRole, Awaited<ReturnType<typeof makeUser>>>;
  const team = await makeTeam(`Team ${suffix}`, roles.map((role) => ({ userId: users[role].id, role })));
  const project = await makeProject(users.OWNER.actor, { teamId: team.id, key: projectKey, mode });
  return { team, users, project };
}
