// Every sprint route: success, bad input (422 with a field path, nothing written), no credentials
// (401), another team's caller (404) and a role one step too low (403).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sprintCardsRoute from "@/app/api/v1/sprints/[id]/cards/route";
import * as completeRoute from "@/app/api/v1/sprints/[id]/complete/route";
import * as sprintRoute from "@/app/api/v1/sprints/[id]/route";
import * as startRoute from "@/app/api/v1/sprints/[id]/start/route";
import * as sprintsRoute from "@/app/api/v1/projects/[key]/sprints/route";
import type { TeamRole } from "@/lib/domain/roles";
import { planCards } from "@/lib/server/services/backlog";
import { completeSprint, createSprint, startSprint } from "@/lib/server/services/sprints";
import { makeCard, makeWorld } from "@/prisma/factories";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;
const tokens = {} as Record<TeamRole | "STRANGER", string>;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("SAPI", "scrum");
  const other = await makeWorld("SOTHER", "scrum");
  for (const role of ["VIEWER", "MEMBER", "PRODUCT_OWNER"] as const) tokens[role] = await tokenFor(world.users[role].id);
  tokens.STRANGER = await tokenFor(other.users.OWNER.id);
  for (let i = 1; i <= 8; i++) await makeCard(world.project, world.users.MEMBER.id, { title: `Card ${i}`, estimate: 2 });
});
afterAll(() => database.dispose());

const po = () => world.users.PRODUCT_OWNER.id;
const planned = async (cardKeys: string[] = []) => {
  const sprint = await createSprint(world.project, { name: "Planned" });
  if (cardKeys.length) await planCards(world.project, po(), { sprintId: sprint.id, cardKeys });
  return sprint.id;
};
/** A fresh active sprint (closing the one that runs, if any). */
const active = async () => {
  const running = await database.prisma.sprint.findFirst({ where: { projectId: world.project.projectId, state: "ACTIVE" } });
  if (running) await completeSprint(world.project, po(), running.id, { incomplete: "backlog" });
  const id = await planned(["SAPI-1"]);
  await startSprint(world.project, po(), id);
  return id;
};
const noActive = async () => {
  const running = await database.prisma.sprint.findFirst({ where: { projectId: world.project.projectId, state: "ACTIVE" } });
  if (running) await completeSprint(world.project, po(), running.id, { incomplete: "backlog" });
};

/** Everything a sprint route could write. */
async function snapshot() {
  const { projectId } = world.project;
  const [sprints, cards, facts, events] = await Promise.all([
    database.prisma.sprint.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    database.prisma.card.findMany({ where: { projectId }, orderBy: { id: "asc" }, select: { key: true, sprintId: true, rank: true, estimate: true } }),
    database.prisma.sprintScopeChange.count(),
    database.prisma.realtimeEvent.count({ where: { projectId } }),
  ]);
  return { sprints, cards, facts, events };
}

type Request = { params: Record<string, string>; body?: unknown };
type Case = {
  route: string;
  handler: Parameters<typeof call>[0];
  method: string;
  role: TeamRole;
  status: number;
  /** A valid request against fresh state. */
  valid: () => Promise<Request>;
  /** The same request made invalid, and the field the 422 must name. */
  invalid: (valid: Request) => Request & { path: string };
};

const cases: Case[] = [
  { route: "GET /projects/{key}/sprints", handler: sprintsRoute.GET, method: "GET", role: "VIEWER", status: 200, valid: async () => ({ params: { key: "SAPI" } }), invalid: () => ({ params: { key: "S" }, path: "key" }) },
  {
    route: "POST /projects/{key}/sprints", handler: sprintsRoute.POST, method: "POST", role: "PRODUCT_OWNER", status: 201,
    valid: async () => ({ params: { key: "SAPI" }, body: { name: "Sprint 9", goal: "Checkout", startDate: "2026-03-02", endDate: "2026-03-16", capacity: 20 } }),
    invalid: (req) => ({ ...req, body: { name: "Sprint 9", startDate: "2026-03-16", endDate: "2026-03-02" }, path: "endDate" }),
  },
  { route: "GET /sprints/{id}", handler: sprintRoute.GET, method: "GET", role: "VIEWER", status: 200, valid: async () => ({ params: { id: await planned(["SAPI-2"]) } }), invalid: () => ({ params: { id: "x".repeat(65) }, path: "id" }) },
  {
    route: "PATCH /sprints/{id}", handler: sprintRoute.PATCH, method: "PATCH", role: "PRODUCT_OWNER", status: 200,
    valid: async () => ({ params: { id: await planned() }, body: { goal: "New goal", capacity: 12 } }),
    invalid: (req) => ({ ...req, body: { capacity: -1 }, path: "capacity" }),
  },
  { route: "DELETE /sprints/{id}", handler: sprintRoute.DELETE, method: "DELETE", role: "PRODUCT_OWNER", status: 200, valid: async () => ({ params: { id: await planned(["SAPI-3"]) } }), invalid: () => ({ params: { id: "" }, path: "id" }) },
  {
    route: "POST /sprints/{id}/cards", handler: sprintCardsRoute.POST, method: "POST", role: "MEMBER", status: 200,
    valid: async () => ({ params: { id: await planned() }, body: { cardKeys: ["SAPI-4", "SAPI-5"] } }),
    invalid: (req) => ({ ...req, body: { cardKeys: ["SAPI-4", "SAPI-999"] }, path: "cardKeys.1" }),
  },
  {
    route: "DELETE /sprints/{id}/cards", handler: sprintCardsRoute.DELETE, method: "DELETE", role: "MEMBER", status: 200,
    valid: async () => ({ params: { id: await planned(["SAPI-6", "SAPI-7"]) }, body: { cardKeys: ["SAPI-6"] } }),
    invalid: (req) => ({ ...req, body: { cardKeys: ["SAPI-8"] }, path: "cardKeys.0" }),
  },
  { route: "POST /sprints/{id}/start", handler: startRoute.POST, method: "POST", role: "PRODUCT_OWNER", status: 200, valid: async () => (await noActive(), { params: { id: await planned(["SAPI-8"]) } }), invalid: () => ({ params: { id: "x".repeat(65) }, path: "id" }) },
  {
    route: "POST /sprints/{id}/complete", handler: completeRoute.POST, method: "POST", role: "PRODUCT_OWNER", status: 200,
    valid: async () => ({ params: { id: await active() }, body: { incomplete: "next" } }),
    invalid: (req) => ({ ...req, body: { incomplete: "later" }, path: "incomplete" }),
  },
];

const send = (c: Case, req: Request, token?: string) =>
  call(c.handler, { method: c.method, params: req.params, body: req.body, auth: token ? { token } : {} });
const below: Partial<Record<TeamRole, TeamRole>> = { MEMBER: "VIEWER", PRODUCT_OWNER: "MEMBER" };

describe.each(cases)("$route", (c) => {
  it(`succeeds for ${c.role.toLowerCase()}`, async () => {
    const res = await send(c, await c.valid(), tokens[c.role]);
    expect(res.status, JSON.stringify(res.json)).toBe(c.status);
  });

  it("refuses bad input with 422 and the field's path, writing nothing", async () => {
    const bad = c.invalid(await c.valid());
    const before = await snapshot();
    const res = await send(c, bad, tokens[c.role]);
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: bad.path })]));
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a caller without credentials (401), another team's member (404) and a lower role (403)", async () => {
    const req = await c.valid();
    const before = await snapshot();
    expect((await send(c, req)).status).toBe(401);
    expect((await send(c, req, tokens.STRANGER)).status).toBe(404);
    const lower = below[c.role];
    if (lower) expect((await send(c, req, tokens[lower])).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe("sprint rules", () => {
  it("keeps closed sprints as they were and refuses sprints in Kanban projects", async () => {
    const closed = await active();
    await completeSprint(world.project, po(), closed, { incomplete: "backlog" });
    const edit = await call(sprintRoute.PATCH, { method: "PATCH", params: { id: closed }, body: { name: "Rewritten" }, auth: { token: tokens.PRODUCT_OWNER } });
    expect(edit.json.error.code).toBe("SPRINT_CLOSED");
    const add = await call(sprintCardsRoute.POST, { method: "POST", params: { id: closed }, body: { cardKeys: ["SAPI-2"] }, auth: { token: tokens.MEMBER } });
    expect(add.json.error.code).toBe("SPRINT_CLOSED");
    const remove = await call(sprintRoute.DELETE, { method: "DELETE", params: { id: closed }, auth: { token: tokens.PRODUCT_OWNER } });
    expect(remove.json.error.code).toBe("SPRINT_NOT_PLANNED");

    const kanban = await makeWorld("KAN", "kanban");
    const res = await call(sprintsRoute.POST, { method: "POST", params: { key: "KAN" }, body: { name: "Nope" }, auth: { token: await tokenFor(kanban.users.PRODUCT_OWNER.id) } });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("KANBAN_PROJECT");
  });

  it("looks up unknown sprint ids as not found", async () => {
    const res = await call(sprintRoute.GET, { params: { id: "no-such-sprint" }, auth: { token: tokens.VIEWER } });
    expect(res.status).toBe(404);
  });
});
