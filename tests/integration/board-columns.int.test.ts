import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as boardRoute from "@/app/api/v1/projects/[key]/board/route";
import * as columnRoute from "@/app/api/v1/projects/[key]/columns/[id]/route";
import * as columnsRoute from "@/app/api/v1/projects/[key]/columns/route";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeCard, makeUser, makeWorld } from "@/prisma/factories";
import { columnOrder, columnsByName, makeCards, type World } from "./board-helpers";

let database: TestDatabase;
let world: World;
let columns: Record<string, string>;
let poToken: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("COLS");
  columns = await columnsByName(world.project.projectId);
  poToken = await tokenFor(world.users.PRODUCT_OWNER.id);
});
afterAll(() => database.dispose());

const board = async (query = "", token = poToken) => {
  const res = await call(boardRoute.GET, { path: `/api/v1/projects/COLS/board${query}`, params: { key: "COLS" }, auth: { token } });
  expect(res.status).toBe(200);
  return res.json;
};
const create = (body: unknown, token = poToken) => call(columnsRoute.POST, { method: "POST", params: { key: "COLS" }, body, auth: { token } });
const patch = (id: string, body: unknown, token = poToken) => call(columnRoute.PATCH, { method: "PATCH", params: { key: "COLS", id }, body, auth: { token } });
const remove = (id: string, options: { body?: unknown; query?: string } = {}) =>
  call(columnRoute.DELETE, { method: "DELETE", path: `/api/v1/projects/COLS/columns/${id}${options.query ?? ""}`, params: { key: "COLS", id }, body: options.body, auth: { token: poToken } });
const names = async () => (await board()).columns.map((column: { name: string }) => column.name);

describe("board columns", () => {
  it("adds, renames, re-limits and reorders columns", async () => {
    const testing = await create({ name: "Testing", category: "in_progress", wipLimit: 2, policy: "Tested on staging." });
    expect(testing.status).toBe(201);
    expect(testing.json).toMatchObject({ name: "Testing", category: "in_progress", wipLimit: 2, policy: "Tested on staging." });
    expect(await names()).toEqual(["To do", "In progress", "Review", "Done", "Testing"]);

    expect((await patch(testing.json.id, { afterId: columns.Review, beforeId: columns.Done })).status).toBe(200);
    expect(await names()).toEqual(["To do", "In progress", "Review", "Testing", "Done"]);
    expect((await patch(testing.json.id, { beforeId: columns["To do"] })).status).toBe(200);
    expect(await names()).toEqual(["Testing", "To do", "In progress", "Review", "Done"]);

    const renamed = await patch(testing.json.id, { name: "QA", wipLimit: null, policy: "" });
    expect(renamed.json).toMatchObject({ name: "QA", wipLimit: null, policy: "" });
    const placed = await create({ name: "Ready", category: "todo", afterId: columns["To do"] });
    expect(placed.status).toBe(201);
    expect(await names()).toEqual(["QA", "To do", "Ready", "In progress", "Review", "Done"]);
  });

  it("rejects bad input, duplicate names and wrong roles", async () => {
    expect((await create({ name: "" })).json.error.details).toEqual([expect.objectContaining({ path: "name" })]);
    expect((await create({ name: "x", wipLimit: -1 })).status).toBe(422);
    expect((await create({ name: "x", category: "blocked" })).status).toBe(422);
    expect((await create({ name: "review" })).json.error.details).toEqual([expect.objectContaining({ path: "name" })]);
    expect((await patch(columns.Review!, { afterId: "nope" })).json.error.details).toEqual([expect.objectContaining({ path: "afterId" })]);
    expect((await create({ name: "Nope" }, await tokenFor(world.users.MEMBER.id))).status).toBe(403);
    expect((await create({ name: "Nope" }, await tokenFor(world.users.VIEWER.id))).status).toBe(403);
    const stranger = await makeUser({ email: "stranger-cols@test.example" });
    expect((await create({ name: "Nope" }, await tokenFor(stranger.id))).status).toBe(404);
    const otherWorld = await makeWorld("COLX");
    const foreign = (await columnsByName(otherWorld.project.projectId)).Review!;
    expect((await patch(foreign, { name: "Mine now" })).status).toBe(404);
    expect((await call(boardRoute.GET, { params: { key: "COLS" }, auth: { token: await tokenFor(stranger.id) } })).status).toBe(404);
  });

  it("deletes a column with cards only when told where they go, and moves them with history", async () => {
    const staging = await create({ name: "Staging", category: "done" });
    const cards = await makeCards(world, 3, staging.json.id, "Staged");
    const refused = await remove(staging.json.id);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: "COLUMN_NOT_EMPTY", details: { count: 3 } });
    expect((await remove(staging.json.id, { body: { moveCardsTo: staging.json.id } })).status).toBe(422);

    const [existing] = await makeCards(world, 1, columns["In progress"]!, "Already there");
    const res = await remove(staging.json.id, { query: `?moveCardsTo=${columns["In progress"]}` });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ deleted: staging.json.id, movedCards: 3 });
    expect(await columnOrder(columns["In progress"]!)).toEqual([existing!.key, ...cards.map((card) => card.key)]);
    const moved = await database.prisma.card.findMany({ where: { key: { in: cards.map((c) => c.key) } }, select: { id: true, completedAt: true, version: true } });
    expect(moved.every((card) => card.completedAt === null && card.version === 2)).toBe(true);
    const events = await database.prisma.cardEvent.findMany({ where: { cardId: { in: moved.map((c) => c.id) } }, select: { type: true, fromColumnId: true, toColumnId: true, actorId: true } });
    expect(events.filter((e) => e.type === "MOVED")).toEqual(
      Array(3).fill({ type: "MOVED", fromColumnId: staging.json.id, toColumnId: columns["In progress"], actorId: world.users.PRODUCT_OWNER.id }),
    );
    expect(events.filter((e) => e.type === "REOPENED")).toHaveLength(3);
    expect(await names()).not.toContain("Staging");
  });

  it("refuses a relocation over a hard limit, and deleting the last column", async () => {
    const overflow = await create({ name: "Overflow" });
    await makeCards(world, 3, overflow.json.id, "Overflow");
    await patch(columns.Review!, { wipLimit: 1 });
    const res = await remove(overflow.json.id, { body: { moveCardsTo: columns.Review } });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("WIP_LIMIT_EXCEEDED");
    expect(await database.prisma.card.count({ where: { columnId: overflow.json.id } })).toBe(3);

    const lonely = await makeWorld("LONE");
    const loneColumns = Object.values(await columnsByName(lonely.project.projectId));
    await database.prisma.column.deleteMany({ where: { id: { in: loneColumns.slice(1) } } });
    const lonelyToken = await tokenFor(lonely.users.OWNER.id);
    const last = await call(columnRoute.DELETE, { method: "DELETE", params: { key: "LONE", id: loneColumns[0]! }, auth: { token: lonelyToken } });
    expect(last.status).toBe(409);
    expect(last.json.error.code).toBe("LAST_COLUMN");
  });

  it("completes the cards of a column whose category becomes done", async () => {
    const shipped = await create({ name: "Shipped", category: "in_progress" });
    const [card] = await makeCards(world, 1, shipped.json.id, "Shipping");
    expect((await patch(shipped.json.id, { category: "done" })).json.category).toBe("done");
    const row = await database.prisma.card.findUniqueOrThrow({ where: { key: card!.key }, select: { completedAt: true, events: { select: { type: true } } } });
    expect(row.completedAt).not.toBeNull();
    expect(row.events.map((e) => e.type)).toContain("COMPLETED");
  });
});

describe("board query", () => {
  it("shows cards in board order with unfiltered counts, and filters them", async () => {
    const filterWorld = await makeWorld("FILT");
    const cols = await columnsByName(filterWorld.project.projectId);
    const member = filterWorld.users.MEMBER;
    const token = await tokenFor(member.id);
    const epic = await makeCard(filterWorld.project, member.id, { title: "Checkout epic", columnId: cols.Done, type: "epic" });
    const mine = await makeCard(filterWorld.project, member.id, { title: "Fix checkout", columnId: cols["In progress"], assigneeId: member.id, labels: ["shop"], type: "bug", epicKey: epic.key });
    const blocked = await makeCard(filterWorld.project, member.id, { title: "Wait for API", columnId: cols["In progress"], blockedReason: "Vendor", labels: ["api"] });
    await makeCard(filterWorld.project, member.id, { title: "Write docs", columnId: cols["To do"] });
    const enteredAt = new Date(Date.now() - 3 * 86_400_000 - 60_000);
    await database.prisma.card.update({ where: { key: blocked.key }, data: { columnEnteredAt: enteredAt } });
    const get = async (query = "") => (await call(boardRoute.GET, { path: `/api/v1/projects/FILT/board${query}`, params: { key: "FILT" }, auth: { token } })).json;

    const all = await get();
    expect(all).toMatchObject({ wipMode: "hard", mode: "kanban", project: { key: "FILT", wipMode: "hard", agingDays: 5, agingThreshold: 5 } });
    const inProgress = all.columns.find((c: { name: string }) => c.name === "In progress");
    expect(inProgress).toMatchObject({ category: "in_progress", wipLimit: 5, count: 2 });
    expect(inProgress.cards.map((c: { key: string }) => c.key)).toEqual([mine.key, blocked.key]);
    expect(inProgress.cards[1]).toMatchObject({ blockedReason: "Vendor", columnEnteredAt: enteredAt.toISOString(), ageDays: 3, assignee: null });
    expect(inProgress.cards[0]).toMatchObject({ type: "bug", assignee: { id: member.id, name: member.name }, labels: ["shop"], ageDays: 0, version: 1, epic: { key: epic.key, title: "Checkout epic" } });

    const keysOf = (b: { columns: Array<{ cards: Array<{ key: string }> }> }) => b.columns.flatMap((c) => c.cards.map((card) => card.key));
    expect(keysOf(await get("?mine=true"))).toEqual([mine.key]);
    expect(keysOf(await get("?blocked=true"))).toEqual([blocked.key]);
    expect(keysOf(await get("?label=api"))).toEqual([blocked.key]);
    expect(keysOf(await get("?type=bug"))).toEqual([mine.key]);
    expect(keysOf(await get("?q=fix%20CHECKOUT"))).toEqual([mine.key]);
    expect(keysOf(await get("?q=%25"))).toEqual([]);
    expect(keysOf(await get(`?q=${blocked.key.toLowerCase()}`))).toEqual([blocked.key]);
    const filtered = await get("?mine=true");
    expect(filtered.columns.find((c: { name: string }) => c.name === "In progress").count).toBe(2);
  });

  it("shows only the active sprint's cards on a scrum board", async () => {
    const scrum = await makeWorld("SCRM", "scrum");
    const cols = await columnsByName(scrum.project.projectId);
    const inSprint = await makeCard(scrum.project, scrum.users.MEMBER.id, { title: "In sprint", columnId: cols["To do"] });
    await makeCard(scrum.project, scrum.users.MEMBER.id, { title: "Backlog", columnId: cols["To do"] });
    const token = await tokenFor(scrum.users.VIEWER.id);
    const get = async () => (await call(boardRoute.GET, { params: { key: "SCRM" }, auth: { token } })).json;
    expect((await get()).columns.flatMap((c: { cards: unknown[] }) => c.cards)).toEqual([]);
    const sprint = await database.prisma.sprint.create({ data: { projectId: scrum.project.projectId, name: "Sprint 1", state: "ACTIVE" } });
    await database.prisma.card.update({ where: { key: inSprint.key }, data: { sprintId: sprint.id } });
    const shown = await get();
    expect(shown.project.activeSprint).toMatchObject({ id: sprint.id, name: "Sprint 1", cardCount: 1, points: 0, donePoints: 0, committedPoints: 0 });
    // The count covers what the board shows: the backlog card is not on it (issue 10).
    expect(shown.columns[0]).toMatchObject({ count: 1, cards: [expect.objectContaining({ key: inSprint.key, sprintId: sprint.id })] });
  });
});
