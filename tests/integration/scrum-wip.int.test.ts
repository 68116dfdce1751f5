// A Scrum board counts, and limits, only the cards of the active sprint: the board read, a move's
// WIP check (also under concurrency), adding cards to the running sprint, and a column deletion.
// Epics are on no board and count nowhere.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as boardRoute from "@/app/api/v1/projects/[key]/board/route";
import * as sprintCardsRoute from "@/app/api/v1/sprints/[id]/cards/route";
import { deleteColumn } from "@/lib/server/services/columns";
import { completeSprint, createSprint, startSprint } from "@/lib/server/services/sprints";
import { planCards } from "@/lib/server/services/backlog";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeCard, makeWorld } from "@/prisma/factories";
import { columnsByName, move, type World } from "./board-helpers";

let database: TestDatabase;
let world: World;
let columns: Record<string, string>;
let token: string;
let sprintId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("SWIP", "scrum");
  columns = await columnsByName(world.project.projectId);
  token = await tokenFor(world.users.MEMBER.id);
});
afterAll(() => database.dispose());

const po = () => world.users.PRODUCT_OWNER.id;
const card = (title: string, column: string, extra: { type?: "epic" } = {}) => makeCard(world.project, world.users.MEMBER.id, { title, columnId: columns[column], ...extra });
const board = async () => (await call(boardRoute.GET, { params: { key: "SWIP" }, path: "/api/v1/projects/SWIP/board", auth: { token } })).json;
const reviewOf = async () => {
  const review = (await board()).columns.find((column: { name: string }) => column.name === "Review");
  return { count: review.count as number, keys: review.cards.map((c: { key: string }) => c.key) as string[] };
};
const setReviewLimit = (wipLimit: number | null) => database.prisma.column.update({ where: { id: columns.Review! }, data: { wipLimit } });
const setMode = (wipMode: "HARD" | "SOFT") => database.prisma.project.update({ where: { id: world.project.projectId }, data: { wipMode } });

/** A fresh active sprint holding `keys` (the previous one closed, its cards back in the backlog). */
async function runSprint(keys: string[]) {
  const running = await database.prisma.sprint.findFirst({ where: { projectId: world.project.projectId, state: "ACTIVE" } });
  if (running) await completeSprint(world.project, po(), running.id, { incomplete: "backlog" });
  const sprint = await createSprint(world.project, { name: `Sprint ${Date.now()}` });
  if (keys.length) await planCards(world.project, po(), { sprintId: sprint.id, cardKeys: keys });
  await startSprint(world.project, po(), sprint.id);
  sprintId = sprint.id;
  return sprint.id;
}

/** Each test starts from an empty Review. */
async function emptyReview() {
  await database.prisma.card.deleteMany({ where: { columnId: columns.Review! } });
}

beforeEach(async () => {
  await setReviewLimit(3);
  await setMode("HARD");
  await emptyReview();
});

describe("a Scrum board's column counts", () => {
  it("count the active sprint's cards only, and none without an active sprint", async () => {
    const outside = [await card("Left over 1", "Review"), await card("Left over 2", "Review"), await card("Left over 3", "Review")];
    const inSprint = await card("Sprint work", "Review");
    const epic = await card("Big theme", "Review", { type: "epic" });
    await runSprint([inSprint.key, epic.key]);
    expect(await reviewOf()).toEqual({ count: 1, keys: [inSprint.key] });

    await completeSprint(world.project, po(), sprintId, { incomplete: "backlog" });
    const after = await board();
    expect(after.project.activeSprint).toBeNull();
    expect(after.columns.map((column: { count: number }) => column.count)).toEqual([0, 0, 0, 0]);
    expect(outside).toHaveLength(3);
  });
});

describe("a move on a Scrum board", () => {
  it("meets the limit over the sprint's cards: three cards outside the sprint do not fill the column", async () => {
    for (const title of ["Old 1", "Old 2", "Old 3"]) await card(title, "Review");
    const work = [await card("Work 1", "To do"), await card("Work 2", "To do"), await card("Work 3", "To do"), await card("Work 4", "To do")];
    await runSprint(work.map((c) => c.key));
    for (const c of work.slice(0, 3)) expect((await move(c.key, { toColumnId: columns.Review }, token)).status).toBe(200);
    const refused = await move(work[3]!.key, { toColumnId: columns.Review }, token);
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: "WIP_LIMIT_EXCEEDED", details: { column: "Review", limit: 3, count: 4 } });
    expect(await reviewOf()).toMatchObject({ count: 3 });
  });

  it("lets exactly the room's worth of 12 concurrent moves of sprint cards in, whatever sits outside the sprint", async () => {
    for (const title of ["Stale 1", "Stale 2"]) await card(title, "Review");
    const racers = [];
    for (let i = 0; i < 12; i++) racers.push(await card(`Racer ${i}`, "To do"));
    await runSprint(racers.map((c) => c.key));
    const results = await Promise.all(racers.map((c) => move(c.key, { toColumnId: columns.Review }, token)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 422)).toHaveLength(9);
    expect(await database.prisma.card.count({ where: { columnId: columns.Review!, sprintId } })).toBe(3);
  });

  it("never refuses, nor counts, a card outside the active sprint", async () => {
    const full = [await card("Full 1", "To do"), await card("Full 2", "To do"), await card("Full 3", "To do")];
    await runSprint(full.map((c) => c.key));
    for (const c of full) expect((await move(c.key, { toColumnId: columns.Review }, token)).status).toBe(200);
    const stray = await card("Not planned", "To do");
    expect((await move(stray.key, { toColumnId: columns.Review }, token)).status).toBe(200);
    expect(await reviewOf()).toMatchObject({ count: 3 });
    const breaches = await database.prisma.cardEvent.count({ where: { card: { key: stray.key }, type: "WIP_BREACH" } });
    expect(breaches).toBe(0);
  });
});

describe("adding cards to the running sprint", () => {
  const add = (keys: string[]) =>
    call(sprintCardsRoute.POST, { method: "POST", path: `/api/v1/sprints/${sprintId}/cards`, params: { id: sprintId }, body: { cardKeys: keys }, auth: { token } });

  it("refuses a card that would take a hard-limited column over, writing nothing, and takes one from To do", async () => {
    const inSprint = [await card("In 1", "Review"), await card("In 2", "Review"), await card("In 3", "Review")];
    await runSprint(inSprint.map((c) => c.key));
    const waiting = await card("Waiting in review", "Review");
    const facts = await database.prisma.sprintScopeChange.count({ where: { sprintId } });
    const refused = await add([waiting.key]);
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: "WIP_LIMIT_EXCEEDED", details: { column: "Review", limit: 3, count: 4 } });
    expect(refused.json.error.message).toMatch(/^Not added to the sprint: "Review" has a WIP limit of 3/);
    expect((await database.prisma.card.findUniqueOrThrow({ where: { key: waiting.key } })).sprintId).toBeNull();
    expect(await database.prisma.sprintScopeChange.count({ where: { sprintId } })).toBe(facts);

    const todo = await card("Fresh", "To do");
    expect((await add([todo.key])).status).toBe(200);
    expect(await database.prisma.sprintScopeChange.count({ where: { sprintId, kind: "ADDED" } })).toBe(1);
  });

  it("records a breach per card entering over a soft limit", async () => {
    await setMode("SOFT");
    await runSprint([(await card("Soft 1", "Review")).key, (await card("Soft 2", "Review")).key, (await card("Soft 3", "Review")).key]);
    const extra = await card("Soft extra", "Review");
    expect((await add([extra.key])).status).toBe(200);
    const breach = await database.prisma.cardEvent.findFirst({ where: { card: { key: extra.key }, type: "WIP_BREACH" } });
    expect(breach?.data).toMatchObject({ column: "Review", limit: 3, count: 4 });
  });

  it("and a concurrent move into the same column never both get the last place", async () => {
    for (let round = 0; round < 6; round++) {
      await emptyReview();
      const two = [await card(`R${round} a`, "Review"), await card(`R${round} b`, "Review")];
      const mover = await card(`R${round} mover`, "To do");
      await runSprint([...two, mover].map((c) => c.key));
      const joiner = await card(`R${round} joiner`, "Review");
      const [added, moved] = await Promise.all([add([joiner.key]), move(mover.key, { toColumnId: columns.Review }, token)]);
      expect([added.status, moved.status].sort(), `round ${round}`).toEqual([200, 422]);
      expect(await database.prisma.card.count({ where: { columnId: columns.Review!, sprintId } })).toBe(3);
    }
  });
});

describe("deleting a column of a Scrum board", () => {
  it("moves its cards under the target's limit as counted over the sprint's cards", async () => {
    const testing = await database.prisma.column.create({ data: { projectId: world.project.projectId, name: `Testing ${Date.now()}`, category: "IN_PROGRESS", rank: "zz" } });
    for (const title of ["Outside 1", "Outside 2", "Outside 3"]) await card(title, "Review");
    const sprintCard = await makeCard(world.project, world.users.MEMBER.id, { title: "Under test", columnId: testing.id });
    await runSprint([sprintCard.key]);
    const result = await deleteColumn(world.project, world.users.OWNER.id, testing.id, columns.Review);
    expect(result.movedCards).toBe(1);
    expect(await reviewOf()).toMatchObject({ count: 1 });
  });
});
