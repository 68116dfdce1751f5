// Replays every shared fixture (shared/fixtures/webhooks) through the real webhook route, signed as
// its provider signs, and checks the stored outcome and the card state against its `expect`.
// Each case starts from no pipeline records (the delivery log stays, so repeats are recognised),
// so the card state shows exactly what that one delivery did.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentDatabase } from "@/lib/server/database";
import { cardPipeline } from "@/lib/server/queries/pipeline";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { drainWebhookQueue } from "@/lib/server/webhook-queue";
import { clearPipelineRecords, linkedCardKeys, loadFixtures, makePipelineWorld, sendFixture, type Fixture } from "./webhooks-support";

const fixtures = loadFixtures();
// A case that repeats another delivery must come after it.
const ordered = [...fixtures.filter((f) => !f.expect.duplicate), ...fixtures.filter((f) => f.expect.duplicate)];
const DERIVED = ["pipeline", "job", "stage", "status", "environment", "runUrl", "prUrl", "merged"] as const;

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makePipelineWorld>>;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makePipelineWorld();
});
afterAll(() => database.dispose());

async function cardIdOf(key: string) {
  return (await currentDatabase().prisma.card.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;
}

/** The linked cards' pipeline summaries show what the delivery described. */
async function expectCardState(fixture: Fixture) {
  const e = fixture.expect;
  for (const key of e.linkedCards) {
    const summary = await cardPipeline(await cardIdOf(key));
    if (e.environment !== null) {
      expect(summary.deployments, key).toEqual([expect.objectContaining({ environment: e.environment, status: e.status, url: e.runUrl })]);
      expect(summary.runs).toEqual([]);
    } else if (e.prUrl !== null) {
      expect(summary.pullRequests, key).toEqual([expect.objectContaining({ url: e.prUrl, merged: e.merged, state: e.merged ? "merged" : expect.any(String) })]);
      expect(summary.status).toBeNull();
    } else if (e.job !== null) {
      // The job's run exists (created from the job) and its status comes from that one job. The
      // run URL is the job's page (GitHub, GitLab) or the run's (CircleCI's workflow).
      expect(summary.runs, key).toEqual([expect.objectContaining({ name: e.pipeline, status: e.status })]);
      expect(summary.runs[0]!.jobs).toEqual([expect.objectContaining({ name: e.job, status: e.status })]);
      expect([summary.runs[0]!.url, summary.runs[0]!.jobs[0]!.url]).toContain(e.runUrl);
      expect(summary.status).toBe(e.status);
    } else if (e.status !== null) {
      expect(summary.runs, key).toEqual([expect.objectContaining({ name: e.pipeline, status: e.status, url: e.runUrl, jobs: [] })]);
      expect(summary.status).toBe(e.status);
    } else {
      // A push: no status, but the card now knows the pushed commits.
      expect(summary.runs, key).toEqual([]);
      expect(summary.commits.length, key).toBeGreaterThan(0);
    }
  }
}

describe("shared webhook fixtures through the HTTP route", () => {
  it("finds the fixture set", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(32);
  });

  it.each(ordered.map((f) => [f.file, f] as const))("%s", async (_file, fixture) => {
    await clearPipelineRecords(world.project.projectId);
    const res = await sendFixture(fixture, world.integrations);
    const e = fixture.expect;
    const prisma = currentDatabase().prisma;

    if (e.accepted === false) {
      expect([401, 403]).toContain(res.status);
      await drainWebhookQueue();
      expect(await linkedCardKeys(world.project.projectId)).toEqual([]);
      return;
    }
    expect(res.status).toBe(202);
    if (e.duplicate) expect(res.json).toEqual({ accepted: true, duplicate: true });
    await drainWebhookQueue();

    if (e.duplicate) {
      expect(await linkedCardKeys(world.project.projectId)).toEqual([]);
      return;
    }
    const delivery = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: res.json.id }, select: { status: true, result: true, lastError: true } });
    expect(delivery.lastError).toBeNull();
    expect(delivery.status).toBe(e.ignored ? "ignored" : "processed");
    const result = delivery.result as Record<string, unknown>;
    expect(result.linkedCards).toEqual(e.ignored ? [] : e.linkedCards);
    if (!e.ignored) for (const field of DERIVED) expect(result[field], field).toEqual(e[field]);

    expect(await linkedCardKeys(world.project.projectId)).toEqual(e.ignored ? [] : e.linkedCards);
    if (!e.ignored) await expectCardState(fixture);
  });

  it("treats every fixture sent again as a repeat: 202, stored once, nothing changes", async () => {
    await clearPipelineRecords(world.project.projectId);
    const before = await currentDatabase().prisma.webhookDelivery.count({ where: { status: { in: ["processed", "ignored"] } } });
    for (const fixture of ordered.filter((f) => f.expect.accepted !== false)) {
      const res = await sendFixture(fixture, world.integrations);
      expect(res, fixture.file).toEqual({ status: 202, json: { accepted: true, duplicate: true } });
    }
    await drainWebhookQueue();
    expect(await linkedCardKeys(world.project.projectId)).toEqual([]);
    expect(await currentDatabase().prisma.webhookDelivery.count({ where: { status: { in: ["processed", "ignored"] } } })).toBe(before);
  });
});
