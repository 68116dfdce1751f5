// PostgreSQL cuts the app's connections (restart, failover, pg_terminate_backend): live board
// updates resume by themselves. The hub listens again, ends the open streams so clients resume
// from Last-Event-ID, and /api/health says "degraded" until it is listening again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import { currentDatabase } from "@/lib/server/database";
import { boardHub } from "@/lib/server/realtime-hub";
import { tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeCard, makeWorld } from "@/prisma/factories";
import { columnsByName, move } from "./board-helpers";
import { followBoardEvents, terminateBackends } from "./support/faults";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await boardHub().close();
  await database.dispose();
});

async function health() {
  const res = await healthRoute.GET();
  return { status: res.status, body: (await res.json()) as { status: string; realtime: string; database: Record<string, unknown> } };
}

/** Polls /api/health every 5 ms until `done` says so; returns every distinct realtime state seen, in order. */
async function healthStatesUntil(done: (realtime: string) => boolean, timeoutMs: number) {
  const seen: string[] = [];
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const { body } = await health();
    if (seen.at(-1) !== body.realtime) seen.push(body.realtime);
    if (done(body.realtime)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return seen;
}

/** Retries a write the way a client would while the database drops connections; returns the first success. */
async function untilAcknowledged<T extends { status: number }>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    const res = await attempt();
    if (res.status < 500 || tries === 5) return res;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("live updates after PostgreSQL cut the app's connections", () => {
  it("delivers the next move within 3 s, and health goes degraded then ok", async () => {
    const world = await makeWorld("CUT");
    const token = await tokenFor(world.users.MEMBER.id);
    const columns = await columnsByName(world.project.projectId);
    const card = await makeCard(world.project, world.users.MEMBER.id, { title: "Survives a restart" });
    const stream = followBoardEvents("CUT", token, "0");
    try {
      expect((await move(card.key, { toColumnId: columns["In progress"] }, token)).status).toBe(200);
      await stream.waitFor((event) => event.kind === "card.moved", 3_000);
      expect((await health()).body).toMatchObject({ status: "ok", realtime: "ok", database: { ok: true } });

      expect(await terminateBackends(database.url!)).toBeGreaterThan(0);
      const states = await healthStatesUntil((realtime) => realtime === "degraded", 2_000);
      expect(states.at(-1)).toBe("degraded");
      expect((await health()).body.status).toBe("degraded");

      const moved = await untilAcknowledged(() => move(card.key, { toColumnId: columns.Review }, token));
      expect(moved.status).toBe(200);
      const acknowledgedAt = performance.now();
      const next = await stream.waitFor((event) => event.kind === "card.moved" && (event.data as { toColumnId: string }).toColumnId === columns.Review, 3_000);
      expect(next.at - acknowledgedAt).toBeLessThan(3_000);
      expect(stream.state.connections).toBeGreaterThanOrEqual(2); // the cut stream ended and the client resumed

      expect(await healthStatesUntil((realtime) => realtime === "ok", 5_000)).toContain("ok");
      expect((await health()).body).toMatchObject({ status: "ok", realtime: "ok" });
      // Nothing was sent twice across the reconnect.
      const ids = stream.events.map((event) => event.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(await currentDatabase().prisma.card.findUniqueOrThrow({ where: { key: card.key }, select: { columnId: true } })).toEqual({ columnId: columns.Review });
    } finally {
      await stream.close();
    }
  });
});
