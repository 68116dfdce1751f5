// Rank keys stay bounded. Inserting again and again at one spot halves the same gap each time, so
// keys grow by about a character every six inserts; past MAX_RANK_LENGTH the service respaces the
// crowded stretch and the order must not change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_RANK_LENGTH } from "@/lib/domain/ranking";
import { db } from "@/lib/server/db";
import { allocateRanks, createBacklogCard, lockProject, RANK_TX_OPTIONS, type Anchor } from "@/lib/server/services/backlog";
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

/**
 * `count` consecutive inserts at `anchor`, each placed by allocateRanks as createCard does, but in
 * batched transactions with a bare INSERT so 10,000 of them stay quick. Returns the new keys in
 * insertion order and the length of every allocated rank.
 */
async function insertAt(project: { projectId: string; projectKey: string }, anchor: Anchor, count: number) {
  const { projectId, projectKey } = project;
  const column = await database.prisma.column.findFirstOrThrow({ where: { projectId }, select: { id: true } });
  let number = (await database.prisma.card.count({ where: { projectId } })) + 1;
  const keys: string[] = [];
  const lengths: number[] = [];
  for (let done = 0; done < count; ) {
    await db.$transaction(async (tx) => {
      await lockProject(tx, projectId);
      for (const end = Math.min(done + 500, count); done < end; done++, number++) {
        const [rank] = await allocateRanks(tx, projectId, anchor, [], 1);
        lengths.push(rank!.length);
        keys.push(`${projectKey}-${number}`);
        await tx.$executeRaw`
          INSERT INTO "Card" (id, "projectId", number, key, title, "columnId", "boardRank", rank, "updatedAt")
          VALUES (${`bulk${projectKey}${number}`}, ${projectId}, ${number}, ${`${projectKey}-${number}`}, ${`Insert ${number}`}, ${column.id}, ${`b${number}`}, ${rank!}, now())`;
      }
      await tx.$executeRaw`UPDATE "Project" SET "nextCardNumber" = ${number} WHERE id = ${projectId}`;
    }, RANK_TX_OPTIONS);
  }
  return { keys, lengths };
}

/** Respacings show as a new key much shorter than the one before it. */
const rebalancesIn = (lengths: number[]) => lengths.filter((length, i) => i > 0 && length < lengths[i - 1]! - 1).length;

describe("rank keys stay bounded", () => {
  it("10,000 consecutive inserts right after one card: every key fits, rebalancing keeps the order", { timeout: 900_000 }, async () => {
    const world = await makeWorld("TENK", "scrum");
    const first = await makeCard(world.project, world.users.MEMBER.id, { title: "First" });
    const last = await makeCard(world.project, world.users.MEMBER.id, { title: "Last" });
    const { keys, lengths } = await insertAt(world.project, { afterKey: first.key }, 10_000);

    const cards = await keysInOrder(world.project.projectId);
    // Each insert lands right after First, so the newest comes first.
    expect(cards.map((c) => c.key)).toEqual([first.key, ...keys.reverse(), last.key]);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(MAX_RANK_LENGTH);
    expect(Math.max(...cards.map((c) => c.rank.length))).toBeLessThanOrEqual(MAX_RANK_LENGTH);
    expect(rebalancesIn(lengths)).toBeGreaterThanOrEqual(25);
    expect(new Set(cards.map((c) => c.rank)).size).toBe(cards.length);
  });

  it("inline creation through createCard rebalances too, without changing the order", { timeout: 300_000 }, async () => {
    const world = await makeWorld("INLN", "scrum");
    const first = await makeCard(world.project, world.users.MEMBER.id, { title: "First" });
    const last = await makeCard(world.project, world.users.MEMBER.id, { title: "Last" });
    // "Right before Last" again and again: keys pass 64 characters after ~311 inserts, so the
    // inline creations that follow 300 quick inserts must trigger a rebalance.
    const { keys } = await insertAt(world.project, { beforeKey: last.key }, 300);
    const created: string[] = [];
    for (let i = 0; i < 20; i++) created.push((await createBacklogCard(world.project, world.users.PRODUCT_OWNER.id, { title: `Inline ${i}`, beforeKey: last.key })).key);
    const cards = await keysInOrder(world.project.projectId);
    expect(cards.map((c) => c.key)).toEqual([first.key, ...keys, ...created, last.key]);
    // Without a respacing the last inserts would need keys longer than MAX_RANK_LENGTH.
    expect(Math.max(...cards.map((c) => c.rank.length))).toBeLessThanOrEqual(MAX_RANK_LENGTH);
  });
});
