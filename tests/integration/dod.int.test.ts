// The Definition of Done through the API: the definition, card checklists, ticking, and the gate
// on moves into Done with its product-owner override. Refusals change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cardRoute from "@/app/api/v1/cards/[cardKey]/route";
import * as addItemRoute from "@/app/api/v1/cards/[cardKey]/dod/route";
import * as tickRoute from "@/app/api/v1/cards/[cardKey]/dod/[itemId]/route";
import * as moveRoute from "@/app/api/v1/cards/[cardKey]/move/route";
import * as dodRoute from "@/app/api/v1/projects/[key]/dod/route";
import * as sprintCardsRoute from "@/app/api/v1/sprints/[id]/cards/route";
import { call } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeCard } from "@/prisma/factories";
import { databaseFingerprint } from "./support/matrix-fixtures";
import { defineDod, makeDodWorld, type DodWorld } from "./dod-support";

let database: TestDatabase;
let world: DodWorld;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeDodWorld("DOD");
  await defineDod(world, [
    { text: "Reviewed", kind: "manual" },
    { text: "Documented", kind: "manual" },
    { text: "Checks green", kind: "auto", signal: "checks_green" },
  ]);
});
afterAll(() => database.dispose());

type Item = { id: string; text: string; kind: string; done: boolean; doneBy?: string };
const getCard = async (cardKey: string) => (await call(cardRoute.GET, { method: "GET", params: { cardKey }, auth: { token: world.tokens.VIEWER } })).json;
const items = async (cardKey: string): Promise<Item[]> => (await getCard(cardKey)).dod.items;
const tick = (cardKey: string, itemId: string, done: boolean, token = world.tokens.MEMBER) =>
  call(tickRoute.POST, { method: "POST", params: { cardKey, itemId }, body: { done }, auth: { token } });
const move = (cardKey: string, body: object, token = world.tokens.MEMBER) => call(moveRoute.POST, { method: "POST", params: { cardKey }, body, auth: { token } });
const newCard = () => makeCard(world.project, world.users.MEMBER.id, { title: "Checkout", columnId: world.column("In progress").id });

async function expectUnchanged(request: () => Promise<{ status: number; json: { error: { code: string } } }>, status: number, code: string) {
  const before = await databaseFingerprint(database);
  const res = await request();
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  expect(res.json.error.code).toBe(code);
  expect(await databaseFingerprint(database)).toEqual(before);
  return res;
}

describe("the definition", () => {
  it("is read back in order and validated", async () => {
    const res = await call(dodRoute.GET, { method: "GET", params: { key: "DOD" }, auth: { token: world.tokens.VIEWER } });
    expect(res.json.items.map((item: { text: string }) => item.text)).toEqual(["Reviewed", "Documented", "Checks green"]);
    const bad = await call(dodRoute.PUT, { method: "PUT", params: { key: "DOD" }, body: { items: [{ text: "Live", kind: "auto", signal: "deployed" }, { text: "Built", kind: "auto", signal: "stage_succeeded" }] }, auth: { token: world.tokens.PRODUCT_OWNER } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.map((d: { path: string }) => d.path)).toEqual(["items.0.environment", "items.1.stage"]);
    const member = await call(dodRoute.PUT, { method: "PUT", params: { key: "DOD" }, body: { items: [] }, auth: { token: world.tokens.MEMBER } });
    expect(member.status).toBe(403);
  });

  it("is copied onto new cards, and edits reach open cards but not done ones, keeping ticks of unchanged items", async () => {
    const open = await newCard();
    const done = await newCard();
    for (const item of (await items(done.key)).filter((i) => i.kind === "manual")) await tick(done.key, item.id, true);
    expect((await items(open.key)).map((i) => [i.text, i.kind, i.done])).toEqual([["Reviewed", "manual", false], ["Documented", "manual", false], ["Checks green", "auto", false]]);
    const reviewed = (await items(open.key))[0]!;
    expect((await tick(open.key, reviewed.id, true)).status).toBe(200);
    await move(done.key, { toColumnId: world.column("Done").id, override: { reason: "Hotfix" } }, world.tokens.PRODUCT_OWNER);

    await defineDod(world, [{ text: "Reviewed", kind: "manual" }, { text: "Checks green", kind: "auto", signal: "checks_green" }, { text: "Release notes", kind: "manual" }]);
    expect((await items(open.key)).map((i) => [i.text, i.done, i.doneBy ?? null])).toEqual([["Reviewed", true, world.users.MEMBER.name], ["Checks green", false, null], ["Release notes", false, null]]);
    expect((await items(done.key)).map((i) => i.text)).toEqual(["Reviewed", "Documented", "Checks green"]);
  });

  it("lets a member add a card's own item, listed after the definition's", async () => {
    const card = await newCard();
    const res = await call(addItemRoute.POST, { method: "POST", params: { cardKey: card.key }, body: { text: "Load-tested" }, auth: { token: world.tokens.MEMBER } });
    expect(res.status).toBe(201);
    expect((await items(card.key)).at(-1)).toMatchObject({ text: "Load-tested", kind: "manual", done: false });
  });
});

describe("refusals change nothing", () => {
  it("a viewer ticking: 403", async () => {
    const card = await newCard();
    const [first] = await items(card.key);
    await expectUnchanged(() => tick(card.key, first!.id, true, world.tokens.VIEWER), 403, "FORBIDDEN");
  });

  it("ticking an automatic item by hand: 422 AUTO_ITEM", async () => {
    const card = await newCard();
    const auto = (await items(card.key)).find((i) => i.kind === "auto")!;
    await expectUnchanged(() => tick(card.key, auto.id, true), 422, "AUTO_ITEM");
  });

  it("an unknown item, or another card's item: 404", async () => {
    const card = await newCard();
    const other = await newCard();
    const [otherItem] = await items(other.key);
    await expectUnchanged(() => tick(card.key, "no-such-item", true), 404, "NOT_FOUND");
    await expectUnchanged(() => tick(card.key, otherItem!.id, true), 404, "NOT_FOUND");
  });

  it("a member overriding: 403, even with the reason", async () => {
    const card = await newCard();
    await expectUnchanged(() => move(card.key, { toColumnId: world.column("Done").id, override: { reason: "Trust me" } }), 403, "FORBIDDEN");
  });
});

describe("moving into Done", () => {
  it("is refused with DOD_INCOMPLETE listing the unmet items in order", async () => {
    const card = await newCard();
    const [reviewed, checks, notes] = await items(card.key);
    await tick(card.key, reviewed!.id, true);
    const res = await expectUnchanged(() => move(card.key, { toColumnId: world.column("Done").id }), 422, "DOD_INCOMPLETE");
    expect((res.json as unknown as { error: { details: unknown } }).error.details).toEqual({ items: [{ id: checks!.id, text: "Checks green" }, { id: notes!.id, text: "Release notes" }] });
  });

  it("succeeds with a product owner's override, which the card records and shows", async () => {
    const card = await newCard();
    const res = await move(card.key, { toColumnId: world.column("Done").id, override: { reason: "Customer demo tomorrow" } }, world.tokens.PRODUCT_OWNER);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.column.name).toBe("Done");
    const shown = await getCard(card.key);
    expect(shown.dod.satisfied).toBe(false);
    expect(shown.dod.overrides).toEqual([expect.objectContaining({ reason: "Customer demo tomorrow", by: expect.any(String) })]);
    const event = await database.prisma.cardEvent.findFirstOrThrow({ where: { card: { key: card.key }, type: "DOD_OVERRIDE" } });
    expect(event.actorId).toBe(world.users.PRODUCT_OWNER.id);
    expect(event.data).toEqual({ reason: "Customer demo tomorrow", unmet: expect.arrayContaining([expect.objectContaining({ text: "Checks green" })]) });
  });

  it("does not check moves that stay out of Done", async () => {
    const card = await newCard();
    expect((await move(card.key, { toColumnId: world.column("Review").id })).status).toBe(200);
  });
});

describe("the Definition of Ready", () => {
  it("keeps a card out of a sprint until its ready items are ticked (422 DOR_INCOMPLETE, nothing changes)", async () => {
    const current = (await call(dodRoute.GET, { method: "GET", params: { key: "DOD" }, auth: { token: world.tokens.VIEWER } })).json;
    const res = await call(dodRoute.PUT, {
      method: "PUT",
      params: { key: "DOD" },
      body: { items: current.items.map(({ id: _id, ...item }: { id: string }) => item), ready: { enabled: true, items: [{ text: "Acceptance criteria", kind: "manual" }] } },
      auth: { token: world.tokens.PRODUCT_OWNER },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const card = await newCard();
    const sprint = await database.prisma.sprint.create({ data: { projectId: world.project.projectId, name: "Sprint 1", state: "PLANNED" } });
    const plan = () => call(sprintCardsRoute.POST, { method: "POST", params: { id: sprint.id }, body: { cardKeys: [card.key] }, auth: { token: world.tokens.MEMBER } });
    const refused = await expectUnchanged(plan, 422, "DOR_INCOMPLETE");
    const [criterion] = (await getCard(card.key)).dod.ready;
    expect((refused.json as unknown as { error: { details: unknown } }).error.details).toEqual({ items: [{ id: criterion.id, cardKey: card.key, text: "Acceptance criteria" }] });
    expect((await tick(card.key, criterion.id, true)).status).toBe(200);
    expect((await plan()).status).toBe(200);
  });

  it("lets a product owner plan an unready card with a reason, recorded on the card; a member may not", async () => {
    const card = await newCard();
    const sprint = await database.prisma.sprint.create({ data: { projectId: world.project.projectId, name: "Sprint 2", state: "PLANNED" } });
    const plan = (role: "MEMBER" | "PRODUCT_OWNER", body: object) =>
      call(sprintCardsRoute.POST, { method: "POST", params: { id: sprint.id }, body: { cardKeys: [card.key], ...body }, auth: { token: world.tokens[role] } });
    await expectUnchanged(() => plan("MEMBER", { override: { reason: "We need it" } }), 403, "FORBIDDEN");
    await expectUnchanged(() => plan("PRODUCT_OWNER", { override: { reason: "  " } }), 422, "VALIDATION_FAILED");
    const res = await plan("PRODUCT_OWNER", { override: { reason: "Agreed with the team in refinement" } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect((await database.prisma.card.findUniqueOrThrow({ where: { key: card.key } })).sprintId).toBe(sprint.id);
    const event = await database.prisma.cardEvent.findFirstOrThrow({ where: { card: { key: card.key }, type: "DOR_OVERRIDE" } });
    expect(event.actorId).toBe(world.users.PRODUCT_OWNER.id);
    expect(event.data).toEqual({ reason: "Agreed with the team in refinement", unmet: [expect.objectContaining({ text: "Acceptance criteria" })] });
  });

  it("meets an estimation item with the card's estimate, not a tick (refused by hand), and plans the card once estimated", async () => {
    const current = (await call(dodRoute.GET, { method: "GET", params: { key: "DOD" }, auth: { token: world.tokens.VIEWER } })).json;
    const saved = await call(dodRoute.PUT, {
      method: "PUT",
      params: { key: "DOD" },
      body: { items: current.items.map(({ id: _id, ...item }: { id: string }) => item), ready: { enabled: true, items: [{ text: "Estimated by the team", kind: "manual" }] } },
      auth: { token: world.tokens.PRODUCT_OWNER },
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    const card = await newCard();
    const sprint = await database.prisma.sprint.create({ data: { projectId: world.project.projectId, name: "Sprint E", state: "PLANNED" } });
    const plan = () => call(sprintCardsRoute.POST, { method: "POST", params: { id: sprint.id }, body: { cardKeys: [card.key] }, auth: { token: world.tokens.MEMBER } });
    const [estimated] = (await getCard(card.key)).dod.ready;
    expect(estimated).toMatchObject({ text: "Estimated by the team", done: false, metBy: "estimate" });
    await expectUnchanged(() => tick(card.key, estimated.id, true), 422, "AUTO_ITEM");
    await expectUnchanged(plan, 422, "DOR_INCOMPLETE");
    const { version } = await getCard(card.key);
    const updated = await call(cardRoute.PATCH, { method: "PATCH", params: { cardKey: card.key }, body: { version, estimate: 3 }, auth: { token: world.tokens.MEMBER } });
    expect(updated.status, JSON.stringify(updated.json)).toBe(200);
    expect((await getCard(card.key)).dod.ready[0]).toMatchObject({ done: true, metBy: "estimate" });
    expect((await plan()).status).toBe(200);
  });
});
