// Per-endpoint fixtures for the authorization matrix: path parameters that point at real
// resources of the test world, and request bodies that are valid for the right role.
import type { EndpointSpec } from "@/lib/api/endpoint";
import { rankBetween } from "@/lib/domain/ranking";
import { currentDatabase } from "@/lib/server/database";
import { createApiToken } from "@/lib/server/services/api-tokens";
import type { TestDatabase } from "@/lib/server/testing/test-database";
import { makeCard, makeUser, type makeWorld } from "@/prisma/factories";

export type MatrixWorld = Awaited<ReturnType<typeof makeWorld>> & { outsider: Awaited<ReturnType<typeof makeUser>> };
type Fixture = { params: Record<string, string>; body?: unknown; query?: string };

const prisma = () => currentDatabase().prisma;
let counter = 0;
const unique = () => `${Date.now().toString(36).toUpperCase().slice(-4)}${++counter}`;

async function columns(world: MatrixWorld) {
  return prisma().column.findMany({ where: { projectId: world.project.projectId }, orderBy: { rank: "asc" } });
}

async function newColumn(world: MatrixWorld) {
  const last = (await columns(world)).at(-1)!;
  return prisma().column.create({ data: { projectId: world.project.projectId, name: `Extra ${unique()}`, category: "IN_PROGRESS", rank: rankBetween(last.rank, null) } });
}

async function newSprint(world: MatrixWorld, state: "PLANNED" | "ACTIVE") {
  // Only one sprint may be active: close any other before making one active or startable.
  await prisma().sprint.updateMany({ where: { projectId: world.project.projectId, state: "ACTIVE" }, data: { state: "CLOSED" } });
  return prisma().sprint.create({ data: { projectId: world.project.projectId, name: `Sprint ${unique()}`, state, startedAt: state === "ACTIVE" ? new Date() : null } });
}

async function newIntegration(world: MatrixWorld) {
  return prisma().integration.create({ data: { projectId: world.project.projectId, provider: "github", name: `CI ${unique()}`, secretEncrypted: "matrix-test-placeholder" } });
}

async function resourceId(spec: EndpointSpec, world: MatrixWorld, userId: string | null): Promise<string> {
  const path = spec.path;
  if (path.startsWith("/tokens/")) return (await createApiToken({ userId: userId!, via: "session" }, "matrix")).id;
  if (path.startsWith("/projects/{key}/columns/")) return (await newColumn(world)).id;
  if (path.startsWith("/sprints/")) return (await newSprint(world, path.endsWith("/complete") || path.endsWith("/burndown") ? "ACTIVE" : "PLANNED")).id;
  if (path.startsWith("/integrations/")) return (await newIntegration(world)).id;
  if (path.startsWith("/teams/{teamId}/invitations/")) {
    const invitation = { teamId: world.team.id, email: `invitee-${unique()}@test.example`, role: "MEMBER" as const, invitedById: world.users.ADMIN.id };
    return (await prisma().invitation.create({ data: { ...invitation, tokenHash: `matrix-${unique()}`, expiresAt: new Date(Date.now() + 3600_000) } })).id;
  }
  if (path.startsWith("/deliveries/")) {
    const integration = await newIntegration(world);
    return (await prisma().webhookDelivery.create({ data: { integrationId: integration.id, event: "ping", status: "processed", body: "{}", headers: {} } })).id;
  }
  if (path.startsWith("/imports/")) return (await prisma().importRun.create({ data: { projectId: world.project.projectId, source: "trello", status: "SUCCEEDED", dryRun: true, preview: {} } })).id;
  throw new Error(`matrix-fixtures: no fixture for {id} in ${path}; add one`);
}

async function bodyFor(spec: EndpointSpec, world: MatrixWorld, params: Record<string, string>): Promise<unknown> {
  const route = `${spec.method} ${spec.path}`;
  switch (route) {
    case "POST /projects":
      return { key: `M${unique()}`.slice(0, 10), name: "Matrix project", teamId: world.team.id };
    case "PATCH /cards/{cardKey}":
      return { version: 1, title: "Edited by the matrix" };
    case "POST /cards/{cardKey}/move":
      return { toColumnId: (await columns(world))[1]!.id };
    case "POST /cards/{cardKey}/rank":
      return {};
    case "POST /sprints/{id}/cards":
      return { cardKeys: [(await makeCard(world.project, world.users.MEMBER.id, { title: "Plan me" })).key] };
    case "DELETE /sprints/{id}/cards": {
      const card = await makeCard(world.project, world.users.MEMBER.id, { title: "Unplan me" });
      await prisma().card.update({ where: { key: card.key }, data: { sprintId: params.id } });
      return { cardKeys: [card.key] };
    }
    case "DELETE /projects/{key}/columns/{id}":
      return {};
    case "PUT /projects/{key}/automation":
      return { rules: [{ trigger: "deployed", environment: "production", toColumnId: (await columns(world)).at(-1)!.id }] };
    case "POST /sprints/{id}/complete":
      return { incomplete: "backlog" };
    default:
      return spec.example ?? {};
  }
}

export const matrixFixtures = {
  async prepare(spec: EndpointSpec, world: MatrixWorld, userId: string | null): Promise<Fixture> {
    const params: Record<string, string> = {};
    if (spec.path.includes("{key}")) params.key = world.project.projectKey;
    if (spec.path.includes("{cardKey}")) params.cardKey = (await makeCard(world.project, world.users.MEMBER.id, { title: "Matrix card" })).key;
    if (spec.path.includes("{teamId}")) params.teamId = world.team.id;
    if (spec.path.includes("{userId}")) {
      const user = await makeUser({ email: `member-${unique().toLowerCase()}@test.example` });
      await prisma().membership.create({ data: { teamId: world.team.id, userId: user.id, role: "MEMBER" } });
      params.userId = user.id;
    }
    if (spec.path.includes("{id}")) params.id = await resourceId(spec, world, userId);
    if (spec.path.includes("{itemId}")) {
      const card = await prisma().card.findUniqueOrThrow({ where: { key: params.cardKey! }, select: { id: true } });
      params.itemId = (await prisma().checklistItem.create({ data: { cardId: card.id, list: "DOD", position: 0, text: "Matrix item", kind: "manual" } })).id;
    }
    // A forecast needs its question.
    const query = spec.path.endsWith("/reports/forecast") ? "?items=5" : undefined;
    return { params, body: await bodyFor(spec, world, params), query };
  },
};

/** A digest of every table's content (except per-request bookkeeping), to prove a refusal wrote nothing. */
export async function databaseFingerprint(database: TestDatabase): Promise<Record<string, string>> {
  const tables = await database.prisma.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('ApiToken', 'RateLimit', '_prisma_migrations')`;
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await database.prisma.$queryRawUnsafe<Array<{ digest: string | null }>>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    );
    digest[name] = row?.digest ?? "";
  }
  return digest;
}
