import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as rankRoute from "@/app/api/v1/cards/[cardKey]/rank/route";
import * as backlogRoute from "@/app/api/v1/projects/[key]/backlog/route";
import { makeCard, makeWorld } from "@/prisma/factories";
import { createBacklogCard, estimateCard, planCards } from "@/lib/server/services/backlog";
import { createSprint, startSprint } from "@/lib/server/services/sprints";
import { requireCardRole } from "@/lib/server/authz";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;
let token: { po: string; member: string; viewer: string; stranger: string };

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("BACK", "scrum");
  const other = await makeWorld("OTHER", "scrum");
  token = {
    po: await tokenFor(world.users.PRODUCT_OWNER.id),
    member: await tokenFor(world.users.MEMBER.id),
    viewer: await tokenFor(world.users.VIEWER.id),
    stranger: await tokenFor(other.users.OWNER.id),
  };
  await makeCard(other.project, other.users.OWNER.id, { title: "Elsewhere" }); // OTHER-1
  for (let i = 1; i <= 6; i++) await makeCard(world.project, world.users.MEMBER.id, { title: `Card ${i}`, estimate: i });
});
afterAll(() => database.dispose());

const order = async () =>
  (await database.prisma.card.findMany({ where: { projectId: world.project.projectId }, orderBy: { rank: "asc" }, select: { key: true } })).map((c) => c.key);

const rank = (cardKey: string, body: unknown, auth: { token?: string } = { token: token.po }) =>
  call(rankRoute.POST, { method: "POST", params: { cardKey }, body, auth });

describe("POST /cards/{cardKey}/rank", () => {
  beforeEach(async () => {
    // Back to BACK-1..6 in number order.
    for (const key of ["BACK-6", "BACK-5", "BACK-4", "BACK-3", "BACK-2", "BACK-1"]) expect((await rank(key, {})).status).toBe(200);
  });

  it("places a card right after, right before, at the top and at the bottom", async () => {
    expect(await order()).toEqual(["BACK-1", "BACK-2", "BACK-3", "BACK-4", "BACK-5", "BACK-6"]);
    const after = await rank("back-6", { afterKey: "BACK-1" });
    expect(after.status).toBe(200);
    expect(after.json).toEqual({ key: "BACK-6", rank: expect.any(String) });
    expect(await order()).toEqual(["BACK-1", "BACK-6", "BACK-2", "BACK-3", "BACK-4", "BACK-5"]);
    await rank("BACK-1", { beforeKey: "BACK-4" });
    expect(await order()).toEqual(["BACK-6", "BACK-2", "BACK-3", "BACK-1", "BACK-4", "BACK-5"]);
    await rank("BACK-5", {});
    expect(await order()).toEqual(["BACK-5", "BACK-6", "BACK-2", "BACK-3", "BACK-1", "BACK-4"]);
    await rank("BACK-5", { position: "bottom" });
    expect(await order()).toEqual(["BACK-6", "BACK-2", "BACK-3", "BACK-1", "BACK-4", "BACK-5"]);
  });

  it("anchors to the true neighbour in the whole project order, whatever the caller saw", async () => {
    // A filtered view may show BACK-1 directly above BACK-4; dropping "after BACK-1" still lands between BACK-1 and BACK-2.
    await rank("BACK-6", { afterKey: "BACK-1" });
    expect(await order()).toEqual(["BACK-1", "BACK-6", "BACK-2", "BACK-3", "BACK-4", "BACK-5"]);
    await rank("BACK-3", { beforeKey: "BACK-6" });
    expect(await order()).toEqual(["BACK-1", "BACK-3", "BACK-6", "BACK-2", "BACK-4", "BACK-5"]);
  });

  it("refuses bad input with 422 and a field path, writing nothing", async () => {
    const before = await order();
    const events = await database.prisma.realtimeEvent.count();
    const cases: Array<[string, unknown, string]> = [
      ["BACK-2", { afterKey: "BACK-1", beforeKey: "BACK-3" }, "beforeKey"],
      ["BACK-2", { afterKey: "not a key" }, "afterKey"],
      ["BACK-2", { afterKey: "OTHER-1" }, "afterKey"],
      ["BACK-2", { beforeKey: "BACK-2" }, "beforeKey"],
      ["BACK-2", { position: "middle" }, "position"],
      ["BACK-2", { afterKey: "BACK-1", extra: true }, "(body)"],
    ];
    for (const [key, body, path] of cases) {
      const res = await rank(key, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
    expect(await order()).toEqual(before);
    expect(await database.prisma.realtimeEvent.count()).toBe(events);
  });

  it("needs a token (401), hides other teams (404) and needs product owner (403)", async () => {
    expect((await rank("BACK-2", { afterKey: "BACK-3" }, {})).status).toBe(401);
    expect((await rank("BACK-2", { afterKey: "BACK-3" }, { token: token.stranger })).status).toBe(404);
    expect((await rank("OTHER-1", {}, { token: token.po })).status).toBe(404);
    expect((await rank("BACK-2", { afterKey: "BACK-3" }, { token: token.member })).status).toBe(403);
    expect((await rank("BACK-2", { afterKey: "BACK-3" }, { token: token.viewer })).status).toBe(403);
    expect(await order()).toEqual(["BACK-1", "BACK-2", "BACK-3", "BACK-4", "BACK-5", "BACK-6"]);
  });
});

describe("GET /projects/{key}/backlog", () => {
  const get = (query = "", auth: { token?: string } = { token: token.viewer }) =>
    call(backlogRoute.GET, { params: { key: "BACK" }, path: `/api/v1/projects/BACK/backlog${query}`, auth });

  it("lists unplanned and planned cards in rank order, without the active sprint's cards", async () => {
    const { projectId } = world.project;
    const po = world.users.PRODUCT_OWNER;
    const running = await createSprint(world.project, { name: "Running" });
    const next = await createSprint(world.project, { name: "Next", capacity: 5 });
    await planCards(world.project, po.id, { sprintId: running.id, cardKeys: ["BACK-1"] });
    await startSprint(world.project, po.id, running.id);
    await planCards(world.project, po.id, { sprintId: next.id, cardKeys: ["BACK-4", "BACK-3"] });

    const res = await get();
    expect(res.status).toBe(200);
    expect(res.json.cards.map((c: { key: string }) => c.key)).toEqual(["BACK-2", "BACK-3", "BACK-4", "BACK-5", "BACK-6"]);
    expect(res.json.cards[1]).toMatchObject({ key: "BACK-3", sprintId: next.id, estimate: 3, type: "story", column: { name: "To do" } });
    expect(res.json.cards[1]).not.toHaveProperty("description");
    expect(res.json.sprints).toEqual([expect.objectContaining({ id: next.id, state: "planned", points: 7, capacity: 5, capacityState: { over: true, remaining: -2 } })]);

    const paged = await get("?limit=2");
    expect(paged.json.cards.map((c: { key: string }) => c.key)).toEqual(["BACK-2", "BACK-3", "BACK-4", "BACK-5"]);
    expect(paged.json.hasMore).toBe(true);
    expect(paged.json.total).toBe(3);
    const searched = await get("?q=card%205");
    expect(searched.json.cards.map((c: { key: string }) => c.key)).toEqual(["BACK-5"]);
    expect((await get("?q=back-6")).json.cards.map((c: { key: string }) => c.key)).toEqual(["BACK-6"]);
    expect((await get("?q=%25")).json.cards).toEqual([]); // "%" is a literal, not a wildcard
    expect((await get("?type=bug")).json.cards).toEqual([]);
    expect(await database.prisma.card.count({ where: { projectId, sprintId: running.id } })).toBe(1);
  });

  it("refuses a bad filter (422), no token (401) and other teams (404)", async () => {
    const bad = await get("?type=saga");
    expect(bad.status).toBe(422);
    expect(bad.json.error.details).toEqual([expect.objectContaining({ path: "type" })]);
    expect((await get("", {})).status).toBe(401);
    expect((await get("", { token: token.stranger })).status).toBe(404);
  });
});

describe("inline creation and estimates", () => {
  it("creates a card at a position, or inside a planned sprint", async () => {
    const po = world.users.PRODUCT_OWNER;
    const card = await createBacklogCard(world.project, po.id, { title: "Inserted", afterKey: "BACK-2" });
    const keys = await order();
    expect(keys[keys.indexOf("BACK-2") + 1]).toBe(card.key);
    const sprint = await createSprint(world.project, { name: "Later" });
    const planned = await createBacklogCard(world.project, po.id, { title: "Planned", sprintId: sprint.id, position: "top" });
    expect(planned.sprintId).toBe(sprint.id);
    expect((await order())[0]).toBe(planned.key);
    await expect(createBacklogCard(world.project, po.id, { title: "Nope", afterKey: "OTHER-1" })).rejects.toMatchObject({ status: 422 });
    await expect(createBacklogCard(world.project, po.id, { title: "Nope", sprintId: "missing" })).rejects.toMatchObject({ status: 422 });
    expect(await database.prisma.card.count({ where: { title: "Nope" } })).toBe(0);
  });

  it("accepts estimates on the project's scale only", async () => {
    const access = await requireCardRole(world.users.MEMBER.actor, "BACK-6", "MEMBER");
    const { version } = await database.prisma.card.findUniqueOrThrow({ where: { key: "BACK-6" } });
    await expect(estimateCard(access, world.users.MEMBER.id, { estimate: 4, version })).rejects.toMatchObject({ status: 422, details: [expect.objectContaining({ path: "estimate" })] });
    const updated = await estimateCard(access, world.users.MEMBER.id, { estimate: 13, version });
    expect(updated.estimate).toBe(13);
  });
});
