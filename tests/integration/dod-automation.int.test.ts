// Automatic DoD items and automation rules, driven by signed GitHub deliveries through the real
// webhook route and queue: "deployed to production → Done" obeys the Definition of Done and WIP
// limits (a refused move flags the card), "checks green" follows the latest run, "deployed" sticks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as automationRoute from "@/app/api/v1/projects/[key]/automation/route";
import * as cardRoute from "@/app/api/v1/cards/[cardKey]/route";
import * as moveRoute from "@/app/api/v1/cards/[cardKey]/move/route";
import * as tickRoute from "@/app/api/v1/cards/[cardKey]/dod/[itemId]/route";
import { call } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeCard } from "@/prisma/factories";
import { defineDod, makeDodWorld, randomSha, sendDeployment, sendPullRequest, sendRun, type DodWorld } from "./dod-support";

let database: TestDatabase;
let world: DodWorld;
let prNumber = 100;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeDodWorld("AUTO");
  await defineDod(world, [
    { text: "Reviewed", kind: "manual" },
    { text: "Checks green", kind: "auto", signal: "checks_green" },
    { text: "Live", kind: "auto", signal: "deployed", environment: "production" },
  ]);
  const rules = { rules: [{ trigger: "deployed", environment: "production", toColumnId: world.column("Done").id }] };
  const res = await call(automationRoute.PUT, { method: "PUT", params: { key: "AUTO" }, body: rules, auth: { token: world.tokens.PRODUCT_OWNER } });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  expect(res.json).toEqual({ rules: [{ ...rules.rules[0], enabled: true }] });
});
afterAll(() => database.dispose());

type Item = { id: string; text: string; kind: string; done: boolean; doneBy?: string; source?: { kind: string; label: string } };
const getCard = async (cardKey: string) => (await call(cardRoute.GET, { method: "GET", params: { cardKey }, auth: { token: world.tokens.VIEWER } })).json;
const item = async (cardKey: string, text: string): Promise<Item> => (await getCard(cardKey)).dod.items.find((i: Item) => i.text === text);
const tickReviewed = async (cardKey: string) => {
  const reviewed = await item(cardKey, "Reviewed");
  expect((await call(tickRoute.POST, { method: "POST", params: { cardKey, itemId: reviewed.id }, body: { done: true }, auth: { token: world.tokens.MEMBER } })).status).toBe(200);
};
const events = (cardKey: string, type: string) => database.prisma.cardEvent.findMany({ where: { card: { key: cardKey }, type }, orderBy: { at: "asc" } });

/** A card in progress with an open pull request whose head `sha` has a green run. */
async function cardWithGreenPr() {
  const card = await makeCard(world.project, world.users.MEMBER.id, { title: "Search", columnId: world.column("In progress").id });
  const sha = randomSha();
  await sendPullRequest(world, card.key, ++prNumber, sha);
  await sendRun(world, card.key, sha, "success", "2026-01-10T10:00:00Z");
  return { key: card.key, sha };
}

describe("checks green and deployed items", () => {
  it("ticks checks green from the latest run on the PR head, and un-ticks it when a later run fails; deployed stays ticked", async () => {
    const { key, sha } = await cardWithGreenPr();
    expect(await item(key, "Checks green")).toMatchObject({ done: true, doneBy: "automation", source: { kind: "run" } });
    await sendDeployment(world, key, "production", "success");
    expect(await item(key, "Live")).toMatchObject({ done: true, doneBy: "automation", source: { kind: "deployment", label: "Deployed to production" } });

    await sendRun(world, key, sha, "failure", "2026-01-10T11:00:00Z");
    await sendDeployment(world, key, "production", "failure");
    expect(await item(key, "Checks green")).toMatchObject({ done: false, source: { kind: "run", label: expect.stringContaining("failed") } });
    expect((await item(key, "Live")).done).toBe(true);
    expect((await events(key, "DOD_AUTO")).map((e) => (e.data as { text: string; done: boolean }).done)).toEqual([true, true, false]);
  });
});

describe('the rule "deployed to production → Done"', () => {
  it("flags the card and leaves it in place when the Definition of Done is incomplete", async () => {
    const { key } = await cardWithGreenPr();
    await sendDeployment(world, key, "production", "success");
    const card = await getCard(key);
    expect(card.column.name).toBe("In progress");
    expect(card.flagReason).toContain("Reviewed");
    const [flagged] = await events(key, "AUTOMATION_FLAGGED");
    expect(flagged?.data).toMatchObject({ code: "DOD_INCOMPLETE", trigger: "deployed" });
  });

  it("moves the card when the Definition of Done is complete, and clears an earlier flag", async () => {
    const { key } = await cardWithGreenPr();
    await sendDeployment(world, key, "production", "success");
    expect((await getCard(key)).flagReason).not.toBeNull();
    await tickReviewed(key);
    await sendDeployment(world, key, "production", "success");
    const card = await getCard(key);
    expect(card.column.name).toBe("Done");
    expect(card.flagReason).toBeNull();
    expect(card.completedAt).not.toBeNull();
    const [moved] = (await events(key, "MOVED")).slice(-1);
    expect(moved).toMatchObject({ actorId: null, toColumnId: world.column("Done").id });
  });

  it("ignores deployments to other environments", async () => {
    const { key } = await cardWithGreenPr();
    await tickReviewed(key);
    await sendDeployment(world, key, "staging", "success");
    expect((await getCard(key)).column.name).toBe("In progress");
  });

  it("flags the card instead of moving it when Done is at its hard WIP limit", async () => {
    const inDone = await database.prisma.card.count({ where: { columnId: world.column("Done").id } });
    await database.prisma.column.update({ where: { id: world.column("Done").id }, data: { wipLimit: inDone } });
    try {
      const { key } = await cardWithGreenPr();
      await tickReviewed(key);
      await sendDeployment(world, key, "production", "success");
      const card = await getCard(key);
      expect(card.column.name).toBe("In progress");
      expect(card.flagReason).toEqual(expect.any(String));
      expect((await events(key, "AUTOMATION_FLAGGED"))[0]?.data).toMatchObject({ code: "WIP_LIMIT_EXCEEDED" });
      expect((await item(key, "Live")).done).toBe(true);
    } finally {
      await database.prisma.column.update({ where: { id: world.column("Done").id }, data: { wipLimit: null } });
    }
  });
});

describe("people and the pipeline on the same cards at once", () => {
  // Run with TEST_DB=postgres too: PGlite runs one transaction at a time and cannot deadlock.
  it("loses nothing and fails nothing: user moves and ticks race automatic ticks and automation moves", async () => {
    // No WIP limits in the way: every move here should go through.
    await database.prisma.column.updateMany({ where: { projectId: world.project.projectId }, data: { wipLimit: null } });
    const cards = await Promise.all(Array.from({ length: 5 }, () => cardWithGreenPr()));
    for (const { key } of cards) await tickReviewed(key);
    const since = new Date();
    const statuses: string[] = [];
    const outcome = (res: { status: number; json: { error?: { code: string } } }) => `${res.status} ${res.json.error?.code ?? ""}`.trim();
    const userWork = cards.map(async ({ key }) => {
      for (let round = 0; round < 4; round++) {
        const to = world.column(round % 2 === 0 ? "Review" : "In progress").id;
        statuses.push(outcome(await call(moveRoute.POST, { method: "POST", params: { cardKey: key }, body: { toColumnId: to }, auth: { token: world.tokens.MEMBER } })));
        const reviewed = await item(key, "Reviewed");
        const body = { done: round % 2 === 1 };
        statuses.push(outcome(await call(tickRoute.POST, { method: "POST", params: { cardKey: key, itemId: reviewed.id }, body, auth: { token: world.tokens.MEMBER } })));
      }
    });
    // Each send drains the queue itself: five workers claim deliveries concurrently.
    const pipelineWork = cards.map(({ key, sha }) => Promise.all([sendDeployment(world, key, "production", "success"), sendRun(world, key, sha, "success", "2026-01-11T10:00:00Z")]));
    await Promise.all([...userWork, ...pipelineWork]);

    expect(statuses.filter((status) => status !== "200")).toEqual([]);
    const deliveries = await database.prisma.webhookDelivery.findMany({ where: { receivedAt: { gte: since } }, select: { status: true, attempts: true } });
    expect(deliveries).toHaveLength(10);
    expect(deliveries.filter((delivery) => delivery.status !== "processed" || delivery.attempts !== 1)).toEqual([]);
    for (const { key } of cards) {
      expect((await item(key, "Live")).done).toBe(true);
      // The deployment either moved it into Done (people may have moved it on since) or was
      // refused and flagged it, because "Reviewed" was un-ticked at that moment.
      const automated = await database.prisma.cardEvent.count({
        where: { card: { key }, at: { gte: since }, OR: [{ type: "MOVED", actorId: null, toColumnId: world.column("Done").id }, { type: "AUTOMATION_FLAGGED" }] },
      });
      expect(automated, key).toBe(1);
    }
  });
});
