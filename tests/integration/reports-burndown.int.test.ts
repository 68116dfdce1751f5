// A sprint driven through the API (start, add, re-estimate, finish, remove, complete) and its
// burndown; velocity from the closed sprint; the route's refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as moveRoute from "@/app/api/v1/cards/[cardKey]/move/route";
import * as cardRoute from "@/app/api/v1/cards/[cardKey]/route";
import * as velocityRoute from "@/app/api/v1/projects/[key]/reports/velocity/route";
import * as burndownRoute from "@/app/api/v1/sprints/[id]/burndown/route";
import * as sprintCardsRoute from "@/app/api/v1/sprints/[id]/cards/route";
import * as completeRoute from "@/app/api/v1/sprints/[id]/complete/route";
import * as startRoute from "@/app/api/v1/sprints/[id]/start/route";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { planCards } from "@/lib/server/services/backlog";
import { createSprint } from "@/lib/server/services/sprints";
import { makeCard, makeWorld } from "@/prisma/factories";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;
let po: string;
let viewer: string;
let stranger: string;
let sprintId: string;
let keys: string[];

const ok = async (res: Promise<{ status: number; json: unknown }>) => {
  const { status, json } = await res;
  expect(status, JSON.stringify(json)).toBeLessThan(300);
  return json;
};
const burndown = (id: string, token: string | null, query = "") => call(burndownRoute.GET, { path: `/api/v1/sprints/${id}/burndown${query}`, params: { id }, auth: token ? { token } : {} });

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("BURN", "scrum");
  const other = await makeWorld("BURNX", "scrum");
  po = await tokenFor(world.users.PRODUCT_OWNER.id);
  viewer = await tokenFor(world.users.VIEWER.id);
  stranger = await tokenFor(other.users.OWNER.id);
  keys = [];
  for (const [title, estimate] of [["X1", 3], ["X2", 5], ["X3", 2]] as const) keys.push((await makeCard(world.project, world.users.MEMBER.id, { title, estimate })).key);
  const sprint = await createSprint(world.project, { name: "Sprint 1" });
  sprintId = sprint.id;
  await planCards(world.project, world.users.PRODUCT_OWNER.id, { sprintId, cardKeys: [keys[0]!, keys[1]!] });

  const auth = { token: po };
  const [x1, x2, x3] = keys as [string, string, string];
  const done = await database.prisma.column.findFirstOrThrow({ where: { projectId: world.project.projectId, category: "DONE" } });
  await ok(call(startRoute.POST, { method: "POST", params: { id: sprintId }, body: {}, auth }));
  await ok(call(sprintCardsRoute.POST, { method: "POST", params: { id: sprintId }, body: { cardKeys: [x3] }, auth }));
  const version = (await database.prisma.card.findUniqueOrThrow({ where: { key: x1 } })).version;
  await ok(call(cardRoute.PATCH, { method: "PATCH", params: { cardKey: x1 }, body: { version, estimate: 1 }, auth }));
  await ok(call(moveRoute.POST, { method: "POST", params: { cardKey: x2 }, body: { toColumnId: done.id }, auth }));
  await ok(call(sprintCardsRoute.DELETE, { method: "DELETE", params: { id: sprintId }, body: { cardKeys: [x3] }, auth }));
  await ok(call(completeRoute.POST, { method: "POST", params: { id: sprintId }, body: { incomplete: "next" }, auth }));
});
afterAll(() => database.dispose());

describe("GET /sprints/{id}/burndown", () => {
  it("has exactly the steps of the sprint's recorded changes", async () => {
    const res = await burndown(sprintId, viewer);
    expect(res.status).toBe(200);
    const [x1, x2, x3] = keys;
    expect(res.json.committed).toBe(8);
    expect(res.json.series.map(({ change, cardKey, remaining, scope, completed }: Record<string, unknown>) => ({ change, cardKey, remaining, scope, completed }))).toEqual([
      { change: "start", cardKey: undefined, remaining: 8, scope: 8, completed: 0 },
      { change: "added", cardKey: x3, remaining: 10, scope: 10, completed: 0 },
      { change: "estimate", cardKey: x1, remaining: 8, scope: 8, completed: 0 },
      { change: "done", cardKey: x2, remaining: 3, scope: 8, completed: 5 },
      { change: "removed", cardKey: x3, remaining: 1, scope: 6, completed: 5 },
    ]);
    // The guideline runs from the commitment at the start to zero at the planned end.
    expect(res.json.guideline).toEqual([
      { at: res.json.start, remaining: 8 },
      { at: res.json.end, remaining: 0 },
    ]);
    expect(res.json.completedAt).not.toBeNull();
  });

  it("keeps only the filtered cards", async () => {
    const res = await burndown(sprintId, viewer, "?type=bug");
    expect(res.json.committed).toBe(0);
    expect(res.json.series).toHaveLength(1);
  });

  it("refuses a caller without credentials (401), another team (404, nothing leaked), bad filters (422) and a sprint not started (409)", async () => {
    expect((await burndown(sprintId, null)).status).toBe(401);
    const foreign = await burndown(sprintId, stranger);
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.json)).not.toContain("Sprint 1");
    expect((await burndown("no-such-sprint", viewer)).status).toBe(404);
    const bad = await burndown(sprintId, viewer, "?type=feature");
    expect(bad.status).toBe(422);
    expect(bad.json.error.details[0].path).toBe("type");
    // The rolled-over card went to the next sprint, which has not started.
    const next = await database.prisma.sprint.findFirstOrThrow({ where: { projectId: world.project.projectId, state: "PLANNED" } });
    const planned = await burndown(next.id, viewer);
    expect(planned.status).toBe(409);
    expect(planned.json.error.code).toBe("SPRINT_NOT_STARTED");
  });
});

describe("GET reports/velocity", () => {
  it("reports the closed sprint's commitment and completion", async () => {
    const res = await call(velocityRoute.GET, { path: `/api/v1/projects/${world.project.projectKey}/reports/velocity`, params: { key: world.project.projectKey }, auth: { token: viewer } });
    expect(res.status).toBe(200);
    // Committed 3 + 5 at the start; completed X2's 5 points.
    expect(res.json).toEqual({ sprints: [expect.objectContaining({ id: sprintId, name: "Sprint 1", committed: 8, completed: 5 })], average: 5, range: { min: 5, max: 5 } });
    const filtered = await call(velocityRoute.GET, { path: `/api/v1/projects/${world.project.projectKey}/reports/velocity?label=none`, params: { key: world.project.projectKey }, auth: { token: viewer } });
    expect(filtered.json.sprints).toEqual([expect.objectContaining({ committed: 0, completed: 0 })]);
  });
});
