import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cardRoute from "@/app/api/v1/cards/[cardKey]/route";
import * as cardsRoute from "@/app/api/v1/projects/[key]/cards/route";
import { makeCard, makeWorld } from "@/prisma/factories";
import { cardDto, cardSelect, loadCardDto } from "@/lib/server/queries/cards";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;
let memberToken: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("CARD");
  memberToken = await tokenFor(world.users.MEMBER.id);
});
afterAll(() => database.dispose());

const create = (body: unknown, token = memberToken) =>
  call(cardsRoute.POST, { method: "POST", params: { key: "CARD" }, body, auth: { token } });

describe("cards API", () => {
  it("creates a card with the next key and records its creation", async () => {
    const res = await create({ title: "First", type: "bug", estimate: 3, labels: ["a", "a", "b"] });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ key: "CARD-1", title: "First", type: "bug", estimate: 3, labels: ["a", "b"], version: 1, column: { name: "To do" } });
    const got = await call(cardRoute.GET, { params: { cardKey: "card-1" }, auth: { token: memberToken } });
    expect(got.json.history).toEqual([expect.objectContaining({ type: "CREATED", to: "To do" })]);
  });

  it("gives 20 concurrent creations 20 distinct consecutive keys", async () => {
    const before = await database.prisma.card.count({ where: { projectId: world.project.projectId } });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => create({ title: `Concurrent ${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => Number(r.json.key.split("-")[1])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
  });

  it("edits with the current version and refuses a stale one with 409", async () => {
    const card = (await create({ title: "Edit me" })).json;
    const ok = await call(cardRoute.PATCH, { method: "PATCH", params: { cardKey: card.key }, body: { version: 1, title: "Edited", priority: "urgent" }, auth: { token: memberToken } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ title: "Edited", priority: "urgent", version: 2 });
    const stale = await call(cardRoute.PATCH, { method: "PATCH", params: { cardKey: card.key }, body: { version: 1, title: "Lost update" }, auth: { token: memberToken } });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "VERSION_CONFLICT", details: { version: 2 } });
    const row = await database.prisma.card.findUniqueOrThrow({ where: { key: card.key } });
    expect(row.title).toBe("Edited");
  });

  it("renders nothing unsafe: the description is stored as given, limits are enforced", async () => {
    const long = await create({ title: "x".repeat(501) });
    expect(long.status).toBe(422);
    expect(long.json.error.details).toEqual([expect.objectContaining({ path: "title" })]);
    const huge = await create({ title: "ok", description: "y".repeat(50_001) });
    expect(huge.status).toBe(422);
    expect(huge.json.error.details).toEqual([expect.objectContaining({ path: "description" })]);
  });
});

describe("loadCardDto", () => {
  it("gives in one statement exactly what the Prisma select gives", async () => {
    const epic = await makeCard(world.project, world.users.MEMBER.id, { title: "Checkout epic", type: "epic" });
    const card = await makeCard(world.project, world.users.MEMBER.id, { title: "Gift cards", assigneeId: world.users.MEMBER.id, labels: ["payments"], estimate: 3, epicKey: epic.key });
    const row = await database.prisma.card.findUniqueOrThrow({ where: { key: card.key }, select: cardSelect });
    expect(await loadCardDto(row.id)).toEqual(cardDto(row));
    const bare = await database.prisma.card.findUniqueOrThrow({ where: { key: epic.key }, select: cardSelect });
    expect(await loadCardDto(bare.id)).toEqual(cardDto(bare));
  });
});
