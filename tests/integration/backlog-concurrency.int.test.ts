// 50 random rank operations from 5 concurrent API clients. Rank operations serialize on the project
// row, so each one's board event id gives the order they took effect in; replaying them in that
// order must give exactly the final backlog. Run with TEST_DB=postgres too: PGlite serializes
// every transaction and would hide a missing lock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as rankRoute from "@/app/api/v1/cards/[cardKey]/rank/route";
import { makeCard, makeWorld } from "@/prisma/factories";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

const CARDS = 20;
const CLIENTS = 5;
const OPS_PER_CLIENT = 10;

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("RACE", "scrum");
  for (let i = 1; i <= CARDS; i++) await makeCard(world.project, world.users.MEMBER.id, { title: `Card ${i}` });
});
afterAll(() => database.dispose());

type Anchor = { afterKey: string } | { beforeKey: string } | { position: "top" | "bottom" };
type Op = { key: string; anchor: Anchor };

/** mulberry32: a seeded generator, so a failing run can be replayed from its printed seed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomOp(next: () => number, keys: string[]): Op {
  const pick = () => keys[Math.floor(next() * keys.length)]!;
  const key = pick();
  let other = pick();
  while (other === key) other = pick();
  const kind = Math.floor(next() * 10);
  const anchor: Anchor = kind < 4 ? { afterKey: other } : kind < 8 ? { beforeKey: other } : { position: kind === 8 ? "top" : "bottom" };
  return { key, anchor };
}

function apply(order: string[], { key, anchor }: Op): string[] {
  const rest = order.filter((k) => k !== key);
  const at =
    "afterKey" in anchor ? rest.indexOf(anchor.afterKey) + 1 : "beforeKey" in anchor ? rest.indexOf(anchor.beforeKey) : anchor.position === "top" ? 0 : rest.length;
  return [...rest.slice(0, at), key, ...rest.slice(at)];
}

const anchorKey = (anchor: Anchor) => ("afterKey" in anchor ? anchor.afterKey : "beforeKey" in anchor ? anchor.beforeKey : null);

describe("concurrent rank operations", () => {
  it("serialize: the backlog is a permutation, ranks are unique, and each card sits where its last operation put it", async () => {
    const { projectId } = world.project;
    const cards = () => database.prisma.card.findMany({ where: { projectId }, orderBy: { rank: "asc" }, select: { key: true, rank: true } });
    const initial = (await cards()).map((c) => c.key);
    const tokens = await Promise.all([world.users.PRODUCT_OWNER, world.users.ADMIN, world.users.OWNER].map((user) => tokenFor(user.id)));
    const seed = Number(process.env.RANK_SEED ?? Date.now() % 1_000_000);
    console.log(`rank concurrency seed ${seed} (${database.kind})`);
    const firstEvent = (await database.prisma.realtimeEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;

    const statuses = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const next = random(seed * 31 + client);
        const results: number[] = [];
        for (let i = 0; i < OPS_PER_CLIENT; i++) {
          const op = randomOp(next, initial);
          const res = await call(rankRoute.POST, { method: "POST", params: { cardKey: op.key }, body: op.anchor, auth: { token: tokens[client % tokens.length] } });
          results.push(res.status);
        }
        return results;
      }),
    );
    expect(statuses.flat()).toEqual(Array(CLIENTS * OPS_PER_CLIENT).fill(200));

    // The order in which the operations took effect, from their events (ids grow under the project lock).
    const events = await database.prisma.realtimeEvent.findMany({ where: { projectId, id: { gt: firstEvent }, kind: "board.changed" }, orderBy: { id: "asc" } });
    const applied = events.map((event) => {
      const payload = event.payload as { keys: string[]; anchor: Anchor };
      return { key: payload.keys[0]!, anchor: payload.anchor };
    });
    expect(applied).toHaveLength(CLIENTS * OPS_PER_CLIENT);

    const final = await cards();
    const finalKeys = final.map((c) => c.key);
    expect([...finalKeys].sort()).toEqual([...initial].sort());
    expect(new Set(final.map((c) => c.rank)).size).toBe(final.length);
    expect(finalKeys).toEqual(applied.reduce(apply, initial));

    // Stated per operation: unless a later operation moved its card or its anchor, the card is on the
    // right side of its anchor and only cards moved later stand between them.
    applied.forEach((op, index) => {
      const later = new Set(applied.slice(index + 1).map((o) => o.key));
      const anchor = anchorKey(op.anchor);
      if (later.has(op.key) || (anchor && later.has(anchor))) return;
      const at = finalKeys.indexOf(op.key);
      const between =
        "afterKey" in op.anchor ? finalKeys.slice(finalKeys.indexOf(anchor!) + 1, at)
        : "beforeKey" in op.anchor ? finalKeys.slice(at + 1, finalKeys.indexOf(anchor!))
        : op.anchor.position === "top" ? finalKeys.slice(0, at)
        : finalKeys.slice(at + 1);
      if (anchor) expect(finalKeys.indexOf(anchor), `operation ${index} (${JSON.stringify(op)})`).toBeGreaterThanOrEqual(0);
      for (const key of between) expect(later.has(key), `operation ${index} (${JSON.stringify(op)}): ${key} in between`).toBe(true);
      if ("afterKey" in op.anchor) expect(at).toBeGreaterThan(finalKeys.indexOf(anchor!));
      if ("beforeKey" in op.anchor) expect(at).toBeLessThan(finalKeys.indexOf(anchor!));
    });
  });
});
