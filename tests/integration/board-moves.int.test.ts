import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cardRoute from "@/app/api/v1/cards/[cardKey]/route";
import * as boardRoute from "@/app/api/v1/projects/[key]/board/route";
import { MAX_RANK_LENGTH } from "@/lib/domain/ranking";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeUser, makeWorld } from "@/prisma/factories";
import { cardRows, columnOrder, columnsByName, eventCounts, makeCards, move, type World } from "./board-helpers";

let database: TestDatabase;
let world: World;
let columns: Record<string, string>;
let memberToken: string;
let ownerToken: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("MOVE");
  columns = await columnsByName(world.project.projectId);
  memberToken = await tokenFor(world.users.MEMBER.id);
  ownerToken = await tokenFor(world.users.OWNER.id);
});
afterAll(() => database.dispose());

const events = (cardKey: string) => database.prisma.cardEvent.findMany({ where: { card: { key: cardKey } }, orderBy: { at: "asc" } });

describe("moving cards", () => {
  it("lets exactly 3 of 30 concurrent moves into a hard-limited column with room for 3 succeed", async () => {
    await database.prisma.column.update({ where: { id: columns.Review! }, data: { wipLimit: 3 } });
    const cards = await makeCards(world, 30, columns["To do"]!, "Race");
    const results = await Promise.all(cards.map((card) => move(card.key, { toColumnId: columns.Review }, memberToken)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 422)).toHaveLength(27);
    const refused = results.find((r) => r.status === 422)!;
    expect(refused.json.error).toMatchObject({ code: "WIP_LIMIT_EXCEEDED", details: { columnId: columns.Review, column: "Review", limit: 3, count: 4 } });
    const inReview = await database.prisma.card.findMany({ where: { columnId: columns.Review! }, select: { boardRank: true } });
    expect(inReview).toHaveLength(3);
    const ranks = await database.prisma.card.findMany({ where: { projectId: world.project.projectId }, select: { columnId: true, boardRank: true } });
    expect(new Set(ranks.map((r) => `${r.columnId}/${r.boardRank}`)).size).toBe(ranks.length);
    // Move them out again so the next tests start from a column with room.
    for (const card of await database.prisma.card.findMany({ where: { columnId: columns.Review! }, select: { key: true } })) {
      expect((await move(card.key, { toColumnId: columns["To do"] }, memberToken)).status).toBe(200);
    }
  });

  it("reorders within a column and moves between columns, writing only the moved card's row", async () => {
    const [a, b, c] = await makeCards(world, 3, columns["In progress"]!, "Order");
    const keys = [a!.key, b!.key, c!.key];
    const inProgress = async () => (await columnOrder(columns["In progress"]!)).filter((key) => keys.includes(key));
    expect(await inProgress()).toEqual([a!.key, b!.key, c!.key]);

    const before = await cardRows(world.project.projectId);
    const counts = await eventCounts(world.project.projectId);
    const res = await move(c!.key, { toColumnId: columns["In progress"], afterKey: a!.key, beforeKey: b!.key, version: 1 }, memberToken);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ key: c!.key, version: 2, column: { id: columns["In progress"] } });
    expect(await inProgress()).toEqual([a!.key, c!.key, b!.key]);
    const after = await cardRows(world.project.projectId);
    for (const [key, row] of before) if (key !== c!.key) expect(after.get(key)).toEqual(row);
    expect(await eventCounts(world.project.projectId)).toEqual({ history: counts.history + 1, realtime: counts.realtime + 1 });

    expect((await move(a!.key, { toColumnId: columns["In progress"] }, memberToken)).status).toBe(200); // no anchor: bottom
    expect(await inProgress()).toEqual([c!.key, b!.key, a!.key]);
    expect((await move(b!.key, { toColumnId: columns["In progress"], beforeKey: c!.key }, memberToken)).status).toBe(200);
    expect(await inProgress()).toEqual([b!.key, c!.key, a!.key]);

    const moved = await move(b!.key, { toColumnId: columns.Review, version: 2 }, memberToken);
    expect(moved.status).toBe(200);
    expect(await columnOrder(columns.Review!)).toEqual([b!.key]);
    const history = await events(b!.key);
    expect(history.at(-1)).toMatchObject({ type: "MOVED", fromColumnId: columns["In progress"], toColumnId: columns.Review, actorId: world.users.MEMBER.id });
    const row = await database.prisma.card.findUniqueOrThrow({ where: { key: b!.key } });
    expect(row.columnEnteredAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect(row.version).toBe(3);
  });

  it("answers with the card as GET shows it, timestamps exact in any server time zone", async () => {
    // Moves run outside Prisma (raw driver transaction): its timestamps must read back as Prisma's do.
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Tokyo";
    try {
      const [card] = await makeCards(world, 1, columns["To do"]!, "Zone");
      const res = await move(card!.key, { toColumnId: columns["In progress"] }, memberToken);
      expect(res.status).toBe(200);
      const shown = await call(cardRoute.GET, { auth: { token: memberToken }, params: { cardKey: card!.key } });
      expect(shown.json).toMatchObject(res.json);
      const row = await database.prisma.card.findUniqueOrThrow({ where: { key: card!.key } });
      expect(res.json.columnEnteredAt).toBe(row.columnEnteredAt.toISOString());
      expect(Math.abs(row.columnEnteredAt.getTime() - Date.now())).toBeLessThan(10_000);
    } finally {
      process.env.TZ = zone;
    }
  });

  it("puts a card directly below afterKey when its anchors are no longer adjacent", async () => {
    const [p, q, r] = await makeCards(world, 3, columns.Done!, "Anchor");
    const [x] = await makeCards(world, 1, columns["To do"]!, "Dropped");
    const res = await move(x!.key, { toColumnId: columns.Done, afterKey: p!.key, beforeKey: r!.key }, memberToken);
    expect(res.status).toBe(200);
    expect((await columnOrder(columns.Done!)).filter((key) => [p, q, r, x].some((card) => card!.key === key))).toEqual([p!.key, x!.key, q!.key, r!.key]);
  });

  it("completes a card entering Done and reopens it when it leaves", async () => {
    const [card] = await makeCards(world, 1, columns.Review!, "Finish");
    const done = await move(card!.key, { toColumnId: columns.Done, version: 1 }, memberToken);
    expect(done.status).toBe(200);
    expect(done.json.completedAt).not.toBeNull();
    expect((await events(card!.key)).map((e) => e.type)).toEqual(["CREATED", "MOVED", "COMPLETED"]);
    const reopened = await move(card!.key, { toColumnId: columns["In progress"], version: 2 }, memberToken);
    expect(reopened.json.completedAt).toBeNull();
    expect((await events(card!.key)).map((e) => e.type)).toEqual(["CREATED", "MOVED", "COMPLETED", "MOVED", "REOPENED"]);
  });

  it("refuses a stale version with 409 and writes nothing", async () => {
    const [card] = await makeCards(world, 1, columns["To do"]!, "Stale");
    expect((await move(card!.key, { toColumnId: columns["In progress"], version: 1 }, memberToken)).status).toBe(200);
    const before = await cardRows(world.project.projectId);
    const counts = await eventCounts(world.project.projectId);
    const stale = await move(card!.key, { toColumnId: columns.Review, version: 1 }, ownerToken);
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "VERSION_CONFLICT", details: { version: 2 } });
    expect(await cardRows(world.project.projectId)).toEqual(before);
    expect(await eventCounts(world.project.projectId)).toEqual(counts);
  });

  it("never makes two people moving different cards conflict", async () => {
    const [first, second] = await makeCards(world, 2, columns["To do"]!, "Pair");
    const results = await Promise.all([
      move(first!.key, { toColumnId: columns.Done, version: 1 }, memberToken),
      move(second!.key, { toColumnId: columns.Done, version: 1 }, ownerToken),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
  });

  it("allows a move over the limit in soft mode and records the breach", async () => {
    const poToken = await tokenFor(world.users.PRODUCT_OWNER.id);
    const settings = await call(boardRoute.PATCH, { method: "PATCH", params: { key: "MOVE" }, body: { wipMode: "soft" }, auth: { token: poToken } });
    expect(settings.status).toBe(200);
    expect(settings.json).toMatchObject({ wipMode: "soft", mode: "kanban" });
    const cards = await makeCards(world, 4, columns["To do"]!, "Soft");
    const start = await database.prisma.card.count({ where: { columnId: columns.Review! } });
    for (const card of cards.slice(0, 3 - start)) expect((await move(card.key, { toColumnId: columns.Review }, memberToken)).status).toBe(200);
    const over = cards[3]!;
    const res = await move(over.key, { toColumnId: columns.Review }, memberToken);
    expect(res.status).toBe(200);
    const breach = (await events(over.key)).find((e) => e.type === "WIP_BREACH");
    expect(breach).toMatchObject({ toColumnId: columns.Review, data: { columnId: columns.Review, column: "Review", limit: 3, count: 4 } });
    await call(boardRoute.PATCH, { method: "PATCH", params: { key: "MOVE" }, body: { wipMode: "hard" }, auth: { token: poToken } });
  });

  it("validates anchors, roles and input", async () => {
    const [card, other] = await makeCards(world, 2, columns["To do"]!, "Check");
    const [elsewhere] = await makeCards(world, 1, columns.Done!, "Elsewhere");
    const expectInvalid = async (body: unknown, path: string) => {
      const res = await move(card!.key, body, memberToken);
      expect(res.status).toBe(422);
      expect(res.json.error.details).toEqual([expect.objectContaining({ path })]);
    };
    await expectInvalid({ toColumnId: columns["To do"], afterKey: elsewhere!.key }, "afterKey");
    await expectInvalid({ toColumnId: columns["To do"], beforeKey: card!.key }, "beforeKey");
    await expectInvalid({ toColumnId: columns["To do"], afterKey: other!.key, beforeKey: other!.key }, "beforeKey");
    await expectInvalid({ toColumnId: "no-such-column" }, "toColumnId");
    await expectInvalid({ afterKey: other!.key }, "toColumnId");

    const viewer = await move(card!.key, { toColumnId: columns.Done }, await tokenFor(world.users.VIEWER.id));
    expect(viewer.status).toBe(403);
    const stranger = await makeUser({ email: "stranger-move@test.example" });
    const outsider = await move(card!.key, { toColumnId: columns.Done }, await tokenFor(stranger.id));
    expect(outsider.status).toBe(404);
    const otherWorld = await makeWorld("MOVX");
    const foreignColumn = (await columnsByName(otherWorld.project.projectId)).Done;
    expect((await move(card!.key, { toColumnId: foreignColumn }, memberToken)).status).toBe(422);
  });

  it("rebalances a column when a key would grow too long, keeping the intended order", async () => {
    const [low, high, moving] = await makeCards(world, 3, columns.Review!, "Tight");
    await database.prisma.card.deleteMany({ where: { columnId: columns.Review!, key: { notIn: [low!.key, high!.key, moving!.key] } } });
    await database.prisma.card.update({ where: { key: low!.key }, data: { boardRank: "a0" } });
    await database.prisma.card.update({ where: { key: high!.key }, data: { boardRank: `a0${"0".repeat(61)}1` } });
    await database.prisma.card.update({ where: { key: moving!.key }, data: { boardRank: "a1" } });
    const res = await move(moving!.key, { toColumnId: columns.Review, afterKey: low!.key, beforeKey: high!.key }, memberToken);
    expect(res.status).toBe(200);
    expect(await columnOrder(columns.Review!)).toEqual([low!.key, moving!.key, high!.key]);
    const ranks = await database.prisma.card.findMany({ where: { columnId: columns.Review! }, select: { boardRank: true } });
    for (const { boardRank } of ranks) expect(boardRank.length).toBeLessThan(MAX_RANK_LENGTH);
    const latest = await database.prisma.realtimeEvent.findFirst({ where: { projectId: world.project.projectId }, orderBy: { id: "desc" } });
    expect(latest).toMatchObject({ kind: "board.changed", payload: { change: "column.rebalanced", columnId: columns.Review } });
  });
});
