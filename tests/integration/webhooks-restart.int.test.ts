// Durability: a delivery acknowledged with 202 survives the server stopping before it was processed,
// and a delivery whose worker died mid-way is picked up once its lease has expired.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setDatabase, type Database, type DatabaseConfig } from "@/lib/server/database";
import { cardPipeline } from "@/lib/server/queries/pipeline";
import { createScratchPostgres, testDbKind } from "@/lib/server/testing/test-database";
import { drainWebhookQueue, startWebhookWorker, stopWebhookWorker } from "@/lib/server/webhook-queue";
import { loadFixtures, makePipelineWorld, sendFixture, type Fixture } from "./webhooks-support";

// A database that outlives its connection: a PGlite folder, or a scratch PostgreSQL database.
let config: DatabaseConfig;
let cleanUp: () => Promise<void>;
let database: Database;
let world: Awaited<ReturnType<typeof makePipelineWorld>>;
const fixture = (file: string) => loadFixtures().find((f) => f.file === file) as Fixture;

async function open() {
  database = openDatabase(config);
  await database.migrate();
  setDatabase(database);
}

async function close() {
  await database.close();
  setDatabase(undefined);
}

beforeAll(async () => {
  if (testDbKind === "postgres") {
    const scratch = await createScratchPostgres();
    config = { kind: "postgres", url: scratch.url };
    cleanUp = scratch.drop;
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "shipboard-restart-"));
    config = { kind: "pglite", dataDir };
    cleanUp = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  await open();
  world = await makePipelineWorld(20);
});
afterAll(async () => {
  await close();
  await cleanUp();
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("durability", () => {
  it("processes after a restart what was acknowledged before it", async () => {
    // Tests never start the worker on their own: the 202 leaves the delivery pending, as if the
    // process died right after answering.
    const res = await sendFixture(fixture("github/workflow_run.completed-failure.json"), world.integrations);
    expect(res.status).toBe(202);
    expect((await database.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: res.json.id } })).status).toBe("pending");
    await close();

    await open();
    startWebhookWorker();
    try {
      await waitFor(async () => (await database.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: res.json.id } })).status === "processed");
    } finally {
      await stopWebhookWorker();
    }
    const card = await database.prisma.card.findUniqueOrThrow({ where: { key: "DEMO-12" }, select: { id: true } });
    expect((await cardPipeline(card.id)).status).toBe("failure");
  });

  it("picks up a delivery whose worker died mid-way once the lease expires, not before", async () => {
    const res = await sendFixture(fixture("gitlab/pipeline.success.json"), world.integrations);
    const claimedByDeadWorker = (lockedUntil: Date) =>
      database.prisma.webhookDelivery.update({ where: { id: res.json.id }, data: { attempts: 1, lockedUntil } });

    await claimedByDeadWorker(new Date(Date.now() + 60_000));
    expect(await drainWebhookQueue()).toBe(0);

    await claimedByDeadWorker(new Date(Date.now() - 1_000));
    expect(await drainWebhookQueue()).toBe(1);
    expect(await database.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: res.json.id } })).toMatchObject({ status: "processed", attempts: 2, lockedUntil: null });
  });

  it("finishes in-flight deliveries when the server shuts down, and claims nothing after", async () => {
    startWebhookWorker();
    const sent = await Promise.all(
      ["github/workflow_job.queued.json", "github/workflow_job.in_progress.json", "github/check_run.created.json"].map((file) => sendFixture(fixture(file), world.integrations)),
    );
    for (const hook of globalThis.shipboardShutdownHooks ?? []) await hook();
    const rows = await database.prisma.webhookDelivery.findMany({ where: { id: { in: sent.map((s) => s.json.id) } } });
    // Each is either done or untouched (pending, no lease held): none is left half-processed.
    for (const row of rows) expect(row.status === "processed" || (row.status === "pending" && row.lockedUntil === null)).toBe(true);
    await drainWebhookQueue();
    expect(await database.prisma.webhookDelivery.count({ where: { id: { in: sent.map((s) => s.json.id) }, status: "processed" } })).toBe(3);
  });
});
