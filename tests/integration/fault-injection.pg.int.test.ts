// Fault injection: PostgreSQL cuts every connection of the app's database (as a restart or a
// failover does) in the middle of a burst of card moves, CI webhook deliveries and an open event
// stream. Without restarting anything, the app must recover: every write it acknowledged is
// stored, every acknowledged delivery gets processed, and a client that reconnects misses no event.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import { currentDatabase } from "@/lib/server/database";
import { boardHub } from "@/lib/server/realtime-hub";
import { tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { startWebhookWorker, stopWebhookWorker } from "@/lib/server/webhook-queue";
import { columnsByName, move } from "./board-helpers";
import { followBoardEvents, terminateBackends } from "./support/faults";
import { makePipelineWorld, sendSigned } from "./webhooks-support";

const LANES = 3;
const MOVES_PER_LANE = 20;
const DELIVERIES = 60;

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await boardHub().close();
  await database.dispose();
});

const prisma = () => currentDatabase().prisma;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends until acknowledged, as a client retries after a 5xx; returns the answer and how many 5xx came first. */
async function retried<T extends { status: number }>(send: () => Promise<T>): Promise<{ res: T; failures: number }> {
  for (let failures = 0; ; failures++) {
    const res = await send().catch(() => ({ status: 599 }) as T);
    if (res.status < 500 || failures === 20) return { res, failures };
    await sleep(50 * (failures + 1));
  }
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe("every connection cut during a burst", () => {
  it("recovers without a restart, loses no acknowledged write and no event", { timeout: 180_000 }, async () => {
    const world = await makePipelineWorld(LANES * 4);
    const projectId = world.project.projectId;
    await prisma().column.updateMany({ where: { projectId }, data: { wipLimit: null } });
    const columns = await columnsByName(projectId);
    const token = await tokenFor(world.users.MEMBER.id);
    const stream = followBoardEvents("DEMO", token, "0");
    startWebhookWorker();
    try {
      const acknowledgedMoves: Array<{ key: string; toColumnId: string; version: number }> = [];
      const acknowledgedDeliveries: string[] = [];
      let serverErrors = 0;

      const moveLane = async (lane: number) => {
        for (let i = 0; i < MOVES_PER_LANE; i++) {
          const key = `DEMO-${lane * 4 + (i % 4) + 1}`;
          const toColumnId = Math.floor(i / 4) % 2 === 0 ? columns["In progress"]! : columns.Review!;
          const { res, failures } = await retried(() => move(key, { toColumnId }, token));
          serverErrors += failures;
          expect(res.status, JSON.stringify(res)).toBe(200);
          acknowledgedMoves.push({ key, toColumnId, version: (res as { json: { version: number } }).json.version });
        }
      };
      const deliveryLane = async (lane: number) => {
        for (let i = lane; i < DELIVERIES; i += 2) {
          const body = { repository: "acme/shop", branch: `DEMO-${(i % (LANES * 4)) + 1}`, pipeline: { id: `run-${i}`, name: "CI" }, status: "success" };
          const deliveryId = randomUUID(); // a provider retries with the same delivery id
          const { res, failures } = await retried(() => sendSigned("generic", world.integrations.generic, "pipeline", body, deliveryId));
          serverErrors += failures;
          expect(res.status, JSON.stringify(res)).toBe(202);
          if (res.json.id) acknowledgedDeliveries.push(res.json.id);
        }
      };
      const cuts = (async () => {
        await until(async () => acknowledgedMoves.length >= 10, 30_000, "the burst to start");
        const first = await terminateBackends(database.url!);
        await sleep(300);
        const second = await terminateBackends(database.url!); // again, while everything reconnects
        return first + second;
      })();

      await Promise.all([...Array.from({ length: LANES }, (_, lane) => moveLane(lane)), deliveryLane(0), deliveryLane(1), cuts]);
      expect(await cuts).toBeGreaterThan(0);

      // Every acknowledged move is stored: each card ends where its last acknowledged move put it,
      // and each acknowledged move's event is in the table.
      const finalColumn = new Map(acknowledgedMoves.map((m) => [m.key, m.toColumnId]));
      const cards = await prisma().card.findMany({ where: { projectId, key: { in: [...finalColumn.keys()] } }, select: { key: true, columnId: true } });
      expect(Object.fromEntries(cards.map((c) => [c.key, c.columnId]))).toEqual(Object.fromEntries(finalColumn));
      const movedEvents = await prisma().realtimeEvent.findMany({ where: { projectId, kind: "card.moved" }, select: { payload: true } });
      const stored = new Set(movedEvents.map((e) => `${(e.payload as { key: string }).key}@${(e.payload as { version: number }).version}`));
      for (const m of acknowledgedMoves) expect(stored, `${m.key}@${m.version}`).toContain(`${m.key}@${m.version}`);

      // Every acknowledged delivery is stored and gets processed by the worker, which kept running.
      expect(acknowledgedDeliveries).toHaveLength(DELIVERIES);
      await until(async () => (await prisma().webhookDelivery.count({ where: { id: { in: acknowledgedDeliveries }, status: "processed" } })) === DELIVERIES, 90_000, "every delivery to be processed");
      expect(await prisma().pipelineRun.count({ where: { projectId } })).toBeGreaterThanOrEqual(DELIVERIES);

      // The open stream was cut and resumed from its Last-Event-ID: it has every event, once.
      const allEvents = await prisma().realtimeEvent.findMany({ where: { projectId }, select: { id: true }, orderBy: { id: "asc" } });
      const expected = allEvents.map((e) => String(e.id));
      await until(async () => expected.every((id) => stream.events.some((e) => e.id === id)), 15_000, "the stream to catch up");
      const received = stream.events.map((e) => e.id);
      expect(new Set(received).size).toBe(received.length);
      expect([...received].sort()).toEqual([...expected].sort());
      expect(stream.state.connections).toBeGreaterThanOrEqual(2);

      // Healthy again, and live: a new move reaches the stream at once.
      await until(async () => (await (await healthRoute.GET()).json()).status === "ok", 15_000, "health to be ok");
      const after = await move("DEMO-1", { toColumnId: columns.Done! }, token);
      expect(after.status).toBe(200);
      await stream.waitFor((e) => e.kind === "card.moved" && (e.data as { version: number }).version === after.json.version && (e.data as { key: string }).key === "DEMO-1", 3_000);
      console.info(`fault injection: ${await cuts} connections cut, ${serverErrors} requests answered 5xx and retried, ${stream.state.connections} stream connections`);
    } finally {
      await stopWebhookWorker();
      await stream.close();
    }
  });
});
