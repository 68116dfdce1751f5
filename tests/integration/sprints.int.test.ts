// Sprint facts: the commitment at start, scope changes while it runs, and the outcome at close.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cardRoute from "@/app/api/v1/cards/[cardKey]/route";
import * as sprintCardsRoute from "@/app/api/v1/sprints/[id]/cards/route";
import * as completeRoute from "@/app/api/v1/sprints/[id]/complete/route";
import * as sprintRoute from "@/app/api/v1/sprints/[id]/route";
import * as startRoute from "@/app/api/v1/sprints/[id]/start/route";
import * as sprintsRoute from "@/app/api/v1/projects/[key]/sprints/route";
import { makeCard, makeWorld } from "@/prisma/factories";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;
let po: string;
let member: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("SPR", "scrum");
  po = await tokenFor(world.users.PRODUCT_OWNER.id);
  member = await tokenFor(world.users.MEMBER.id);
  for (const estimate of [3, 5, 2, 8, 1, 13]) await makeCard(world.project, world.users.MEMBER.id, { title: `Worth ${estimate}`, estimate });
});
afterAll(() => database.dispose());

const createSprint = async (body: object) => (await call(sprintsRoute.POST, { method: "POST", params: { key: "SPR" }, body, auth: { token: po } })).json;
const post = (handler: typeof startRoute.POST, id: string, body?: unknown, token = po) => call(handler, { method: "POST", params: { id }, body, auth: { token } });
const scope = async (sprintId: string) =>
  // Facts recorded together share a time; within one, order by card key.
  (await database.prisma.sprintScopeChange.findMany({ where: { sprintId }, orderBy: [{ at: "asc" }, { card: { number: "asc" } }], include: { card: { select: { key: true } } } })).map((c) => ({
    kind: c.kind,
    key: c.card.key,
    points: c.points,
    previousPoints: c.previousPoints,
  }));
async function finish(key: string) {
  const done = await database.prisma.column.findFirstOrThrow({ where: { projectId: world.project.projectId, category: "DONE" } });
  await database.prisma.card.update({ where: { key }, data: { columnId: done.id } });
}
async function estimate(key: string, value: number) {
  const { version } = await database.prisma.card.findUniqueOrThrow({ where: { key } });
  const res = await call(cardRoute.PATCH, { method: "PATCH", params: { cardKey: key }, body: { version, estimate: value }, auth: { token: member } });
  expect(res.status).toBe(200);
}

describe("a sprint from start to close", () => {
  it("records the commitment, additions, estimate changes, removals and the outcome", async () => {
    const sprint = await createSprint({ name: "Sprint 1", goal: "Ship it", capacity: 10 });
    expect(sprint).toMatchObject({ name: "Sprint 1", state: "planned", capacity: 10, points: 0 });
    expect((await post(sprintCardsRoute.POST, sprint.id, { cardKeys: ["SPR-1", "SPR-2", "SPR-3"] }, member)).status).toBe(200);
    // Before the start, estimate changes are planning, not sprint facts.
    await estimate("SPR-3", 2);
    await estimate("SPR-1", 3);

    const started = await post(startRoute.POST, sprint.id);
    expect(started.status).toBe(200);
    expect(started.json).toMatchObject({ state: "active", committedPoints: 10, committedCards: 3, startedAt: expect.any(String), startDate: expect.any(String), endDate: expect.any(String) });
    expect(new Date(started.json.endDate).getTime() - new Date(started.json.startDate).getTime()).toBe(14 * 86_400_000);

    expect((await post(sprintCardsRoute.POST, sprint.id, { cardKeys: ["SPR-4"] }, member)).status).toBe(200);
    await estimate("SPR-1", 5);
    const removed = await call(sprintCardsRoute.DELETE, { method: "DELETE", params: { id: sprint.id }, body: { cardKeys: ["SPR-3"] }, auth: { token: member } });
    expect(removed.status).toBe(200);
    expect(removed.json).toEqual({ sprintId: null, moved: ["SPR-3"] });
    await estimate("SPR-3", 3); // out of the sprint again: not a fact of it

    const during = (await call(sprintRoute.GET, { params: { id: sprint.id }, auth: { token: member } })).json;
    expect(during).toMatchObject({ points: 18, cardCount: 3, capacityState: { over: true, remaining: -8 } });
    expect(during.summary).toMatchObject({ committedPoints: 10, addedPoints: 8, removedPoints: 2, estimateDelta: 2, completedPoints: 0 });

    await finish("SPR-1");
    await finish("SPR-4");
    const completed = await post(completeRoute.POST, sprint.id, { incomplete: "next" });
    expect(completed.status).toBe(200);
    expect(completed.json.summary).toEqual({
      committedPoints: 10,
      committedCards: 3,
      addedPoints: 8,
      removedPoints: 2,
      estimateDelta: 2,
      completedPoints: 13,
      completedCards: 2,
      incompleteCards: [{ key: "SPR-2", estimate: 5 }],
      movedTo: { kind: "sprint", sprintId: expect.any(String), name: "Sprint 2" },
    });
    expect(completed.json.sprint).toMatchObject({ state: "closed", completedPoints: 13, completedCards: 2, completedAt: expect.any(String) });

    expect(await scope(sprint.id)).toEqual([
      ...["SPR-1", "SPR-2", "SPR-3"].map((key) => ({ kind: "COMMITTED", key, points: { "SPR-1": 3, "SPR-2": 5, "SPR-3": 2 }[key], previousPoints: null })),
      { kind: "ADDED", key: "SPR-4", points: 8, previousPoints: null },
      { kind: "ESTIMATE_CHANGED", key: "SPR-1", points: 5, previousPoints: 3 },
      { kind: "REMOVED", key: "SPR-3", points: 2, previousPoints: null },
      { kind: "COMPLETED", key: "SPR-1", points: 5, previousPoints: null },
      { kind: "ROLLED_OVER", key: "SPR-2", points: 5, previousPoints: null },
      { kind: "COMPLETED", key: "SPR-4", points: 8, previousPoints: null },
    ].map((row) => expect.objectContaining(row)));

    // The unfinished card is in the new sprint; the finished ones stay with the closed sprint.
    const next = completed.json.summary.movedTo.sprintId;
    expect((await database.prisma.card.findUniqueOrThrow({ where: { key: "SPR-2" } })).sprintId).toBe(next);
    expect((await database.prisma.card.findUniqueOrThrow({ where: { key: "SPR-4" } })).sprintId).toBe(sprint.id);
    // Later changes do not rewrite the closed sprint's report.
    await estimate("SPR-4", 13);
    const report = (await call(sprintRoute.GET, { params: { id: sprint.id }, auth: { token: member } })).json;
    expect(report.summary).toMatchObject({ committedPoints: 10, completedPoints: 13, completedCards: 2, incompleteCards: [{ key: "SPR-2", estimate: 5 }] });
    expect(report.scopeChanges).toHaveLength(9);
  });

  it("runs one sprint at a time, even when two starts race", async () => {
    const a = await createSprint({ name: "Race A" });
    const b = await createSprint({ name: "Race B" });
    const results = await Promise.all([post(startRoute.POST, a.id), post(startRoute.POST, b.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.json.error.code).toBe("ANOTHER_SPRINT_ACTIVE");
    expect(await database.prisma.sprint.count({ where: { projectId: world.project.projectId, state: "ACTIVE" } })).toBe(1);
  });

  it("sends unfinished cards to the top of the backlog, keeping their order", async () => {
    const active = await database.prisma.sprint.findFirstOrThrow({ where: { projectId: world.project.projectId, state: "ACTIVE" } });
    expect((await post(sprintCardsRoute.POST, active.id, { cardKeys: ["SPR-6", "SPR-5"] }, member)).status).toBe(200);
    const res = await post(completeRoute.POST, active.id, { incomplete: "backlog" });
    expect(res.status).toBe(200);
    expect(res.json.summary).toMatchObject({ completedCards: 0, incompleteCards: [{ key: "SPR-5" }, { key: "SPR-6" }], movedTo: { kind: "backlog" } });
    const order = await database.prisma.card.findMany({ where: { projectId: world.project.projectId }, orderBy: { rank: "asc" }, select: { key: true, sprintId: true } });
    expect(order.slice(0, 2)).toEqual([{ key: "SPR-5", sprintId: null }, { key: "SPR-6", sprintId: null }]);
    expect((await post(completeRoute.POST, active.id, { incomplete: "backlog" })).json.error.code).toBe("SPRINT_NOT_ACTIVE");
  });
});
