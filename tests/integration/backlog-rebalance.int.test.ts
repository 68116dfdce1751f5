// Rank keys stay bounded. Inserting again and again at one spot halves the same gap each time, so
// keys grow by about a character every six inserts; past MAX_RANK_LENGTH the service rebalances
// the project's keys and the order must not change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_RANK_LENGTH } from "@/lib/domain/ranking";
import { db } from "@/lib/server/db";
import { allocateRanks, createBacklogCard, lockProject, RANK_TX_OPTIONS } from "@/lib/server/services/backlog";
import { makeCard, makeWorld } from "@/prisma/factories";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
afterAll(() => database.dispose());
beforeAll(async () => {
  database = await openTestDatabase();
});

async function keysInOrder(projectId: string) {
  return database.prisma.card.findMany({ where: { projectId }, orderBy: { rank: "asc" }, select: { key: true, rank: true } });
}

describe("rank keys stay bounded", () => {
  it("10,000 consecutive inserts right after one card: every key fits, rebalancing keeps the order", async () => {
    const world = await makeWorld("TENK", "scrum");
    const { projectId } = world.project;
    const first = await makeCard(world.project, world.users.MEMBER.id, { title: "First" });
    const last = await makeCard(world.project, world.users.MEMBER.id, { title: "Last" });
    const column = await database.prisma.column.findFirstOrThrow({ where: { projectId }, select: { id: true } });

    const TOTAL = 10_000;
    const BATCH = 500;
    let previous = Infinity;
    let rebalances = 0;
    let longest = 0;
    for (let start = 3; start < TOTAL + 3; start += BATCH) {
      // Batched transactions keep the test quick; each insert is its own allocateRanks call, as in createCard.
      await db.$transaction(async (tx) => {
        await lockProject(tx, projectId);
        for (let number = start; number < Math.min(start + BATCH, TOTAL + 3); number++) {
          const [rank] = await allocateRanks(tx, projectId, { afterKey: first.key }, [], 1);
          longest = Math.max(longest, rank!.length);
          if (rank!.length < previous - 1) rebalances++;
          previous = rank!.length;
          await tx.card.create({ data: { projectId, number, key: `TENK-${number}`, title: `Insert ${number}`, columnId: column.id, boardRank: `b${number}`, rank: rank! } });
        }
      }, RANK_TX_OPTIONS);
    }

    const cards = await keysInOrder(projectId);
    const inserted = Array.from({ length: TOTAL }, (_, i) => `TENK-${TOTAL + 2 - i}`);
    expect(cards.map((c) => c.key)).toEqual([first.key, ...inserted, last.key]);
    expect(longest).toBeLessThanOrEqual(MAX_RANK_LENGTH);
    expect(Math.max(...cards.map((c) => c.rank.length))).toBeLessThanOrEqual(MAX_RANK_LENGTH);
    expect(rebalances).toBeGreaterThanOrEqual(Math.floor(TOTAL / 400));
    expect(new Set(cards.map((c) => c.rank)).size).toBe(cards.length);
  });

  it("inline creation before the same card rebalances through createCard without changing the order", async () => {
    const world = await makeWorld("INLN", "scrum");
    const { projectId } = world.project;
    const first = await makeCard(world.project, world.users.MEMBER.id, { title: "First" });
    const last = await makeCard(world.project, world.users.MEMBER.id, { title: "Last" });
    // Always "right before Last": each new card lands after the previous one; keys pass 64 characters after ~311.
    const created: string[] = [];
    for (let i = 0; i < 330; i++) created.push((await createBacklogCard(world.project, world.users.PRODUCT_OWNER.id, { title: `Inline ${i}`, beforeKey: last.key })).key);
    const cards = await keysInOrder(projectId);
    expect(cards.map((c) => c.key)).toEqual([first.key, ...created, last.key]);
    expect(Math.max(...cards.map((c) => c.rank.length))).toBeLessThan(MAX_RANK_LENGTH / 2);
  });
});
