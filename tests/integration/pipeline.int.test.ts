// Pipeline processing beyond single fixtures: ordering, re-runs, link inheritance, mapping, key
// boundaries, board notifications, retries.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { currentDatabase } from "@/lib/server/database";
import { BOARD_CHANNEL } from "@/lib/server/realtime";
import { cardPipeline } from "@/lib/server/queries/pipeline";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { MAX_ATTEMPTS, drainWebhookQueue } from "@/lib/server/webhook-queue";
import { boardPipelineStatuses, clearPipelineRecords, linkedCardKeys, loadFixtures, makePipelineWorld, sendSigned, type Fixture } from "./webhooks-support";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makePipelineWorld>>;
const fixtures = loadFixtures();
const prisma = () => currentDatabase().prisma;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makePipelineWorld(50);
});
afterAll(() => database.dispose());
beforeEach(() => clearPipelineRecords(world.project.projectId));

/** A fixture's body, changed by `edit`, sent as a new delivery. */
async function send(file: string, edit: (body: any) => void = () => {}) { // eslint-disable-line @typescript-eslint/no-explicit-any -- payloads are edited loosely
  const fixture = fixtures.find((f) => f.file === file) as Fixture;
  const body = structuredClone(fixture.body);
  edit(body);
  const res = await sendSigned(fixture.provider, world.integrations[fixture.provider], fixture.event, body, randomUUID());
  expect(res.status).toBe(202);
  return res.json.id as string;
}

const sendGeneric = (body: Record<string, unknown>) => sendSigned("generic", world.integrations.generic, "pipeline", { repository: "acme/shop", ...body }, randomUUID());

async function summaryOf(key: string) {
  const card = await prisma().card.findUniqueOrThrow({ where: { key }, select: { id: true } });
  return cardPipeline(card.id);
}

describe("ordering", () => {
  it("keeps a completed run completed when its earlier states arrive late", async () => {
    await send("github/workflow_run.completed-failure.json");
    await send("github/workflow_run.requested.json");
    await drainWebhookQueue();
    const summary = await summaryOf("DEMO-12");
    expect(summary.status).toBe("failure");
    expect(summary.runs).toEqual([expect.objectContaining({ name: "Clone and Build Workflow", status: "failure", attempt: 1 })]);
  });

  it("ends in the same state whatever order a run's deliveries are processed in", async () => {
    const sequence = ["github/workflow_run.requested.json", "github/workflow_run.completed-failure.json"];
    for (const order of [sequence, [...sequence].reverse()]) {
      await clearPipelineRecords(world.project.projectId);
      for (const file of order) {
        await send(file);
        await drainWebhookQueue();
      }
      expect((await summaryOf("DEMO-12")).runs.map((run) => run.status)).toEqual(["failure"]);
    }
  });

  it("keeps a GitLab deployment's success over a late 'running'", async () => {
    await send("gitlab/deployment.success-production.json");
    await send("gitlab/deployment.running-production.json");
    await drainWebhookQueue();
    expect((await summaryOf("DEMO-44")).deployments).toEqual([expect.objectContaining({ environment: "production", status: "success" })]);
  });

  it("does not reopen a pull request closed later than an 'opened' delivery arriving late", async () => {
    await send("github/pull_request.closed-unmerged.json", (body) => (body.pull_request.title = "DEMO-15 tidy up"));
    await send("github/pull_request.opened.json", (body) => (body.pull_request.updated_at = "2000-01-01T00:00:00Z"));
    await drainWebhookQueue();
    expect((await summaryOf("DEMO-15")).pullRequests).toEqual([expect.objectContaining({ state: "closed", merged: false })]);
  });
});

describe("re-runs", () => {
  const attempt2 = (status: string, conclusion: string | null, updatedAt: string) => (body: any) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    Object.assign(body.workflow_run, { run_attempt: 2, status, conclusion, updated_at: updatedAt });
    body.action = status === "completed" ? "completed" : "in_progress";
  };

  it("lets attempt 2 supersede a failed attempt 1, and a late attempt-1 delivery change nothing", async () => {
    await send("github/workflow_run.completed-failure.json");
    await drainWebhookQueue();
    expect((await summaryOf("DEMO-12")).status).toBe("failure");

    await send("github/workflow_run.completed-failure.json", attempt2("in_progress", null, "2024-06-06T12:00:00Z"));
    await drainWebhookQueue();
    expect((await summaryOf("DEMO-12")).runs).toEqual([expect.objectContaining({ status: "running", attempt: 2 })]);

    await send("github/workflow_run.completed-failure.json", attempt2("completed", "success", "2024-06-06T12:05:00Z"));
    await send("github/workflow_run.requested.json"); // attempt 1, very late
    await drainWebhookQueue();
    const summary = await summaryOf("DEMO-12");
    expect(summary.runs).toEqual([expect.objectContaining({ status: "success", attempt: 2 })]);
    expect(summary.status).toBe("success");
  });

  it("shows each job's latest attempt and derives a job-only run's status from them", async () => {
    const job = (id: number, name: string, attempt: number, conclusion: string) => (body: any) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      Object.assign(body.workflow_job, { id, name, run_attempt: attempt, conclusion, status: "completed", completed_at: `2021-08-05T10:3${attempt}:00Z` });
    };
    await send("github/workflow_job.completed-failure.json", job(1, "test", 1, "failure"));
    await send("github/workflow_job.completed-failure.json", job(2, "lint", 1, "success"));
    await drainWebhookQueue();
    expect((await summaryOf("DEMO-40")).status).toBe("failure");

    await send("github/workflow_job.completed-failure.json", job(3, "test", 2, "success"));
    await drainWebhookQueue();
    const summary = await summaryOf("DEMO-40");
    expect(summary.status).toBe("success");
    expect(summary.runs[0]!.jobs).toEqual([
      expect.objectContaining({ name: "lint", status: "success", stage: "test" }),
      expect.objectContaining({ name: "test", status: "success", stage: "test" }),
    ]);
  });

  it("replaces a run known from its jobs by the run's own delivery", async () => {
    await send("github/workflow_job.completed-failure.json", (body) => (body.workflow_job.run_id = 9399825641));
    await drainWebhookQueue();
    expect((await summaryOf("DEMO-40")).status).toBe("failure");
    await send("github/workflow_run.completed-success.json", (body) => Object.assign(body.workflow_run, { id: 9399825641, head_branch: "fix/DEMO-40-null-price" }));
    await drainWebhookQueue();
    const summary = await summaryOf("DEMO-40");
    expect(summary.runs).toEqual([expect.objectContaining({ name: "test", status: "success", jobs: [expect.objectContaining({ name: "linters", status: "failure" })] })]);
  });
});

describe("card links", () => {
  it("links on word boundaries only, existing cards only, numbers as written", async () => {
    const id = randomUUID();
    await sendGeneric({
      branch: "xDEMO-1/DEMO-2a/DEMO-3_fix", message: "[DEMO-4] and demo-5: DEMO-012, DEMO-4999, DEMO-6.", pipeline: { id, name: "CI" }, status: "success",
    });
    await drainWebhookQueue();
    expect(await linkedCardKeys(world.project.projectId)).toEqual(["DEMO-3", "DEMO-4", "DEMO-5", "DEMO-6"]);
  });

  it("keeps a run's cards for its later deliveries that name none", async () => {
    await send("github/workflow_run.requested.json");
    await send("github/workflow_run.completed-failure.json", (body) => Object.assign(body.workflow_run, { head_branch: "main", display_title: "Merge", head_commit: null }));
    await drainWebhookQueue();
    expect((await summaryOf("DEMO-12")).status).toBe("failure");
  });

  it("links a deployment of a commit to the cards of the runs and pushes of that commit", async () => {
    await send("github/workflow_run.completed-failure.json"); // DEMO-12 at 1daec6e…
    await send("github/push.branch.json"); // DEMO-30 at 6113728…
    await drainWebhookQueue();
    await send("github/deployment_status.success-production.json", (body) => Object.assign(body.deployment, { sha: "1daec6e868ad11da871b9558a3c68c9c773a487b", ref: "main" }));
    await send("github/deployment_status.failure-staging.json", (body) => Object.assign(body.deployment, { id: 4711, sha: "6113728f27ae82c7b1a177c8d03f9e96e0adf246", ref: "main" }));
    await drainWebhookQueue();
    expect((await summaryOf("DEMO-12")).deployments).toEqual([expect.objectContaining({ environment: "production", status: "success" })]);
    expect((await summaryOf("DEMO-30")).deployments).toEqual([expect.objectContaining({ environment: "staging", status: "failure" })]);
    expect((await summaryOf("DEMO-44")).deployments).toEqual([]); // its key is not in ref "main"
  });

  it("keeps staging and production side by side, the latest deployment of each", async () => {
    await send("github/deployment_status.in_progress-staging.json");
    await send("github/deployment_status.failure-staging.json", (body) => {
      body.deployment.id = 987654;
      body.deployment_status.created_at = body.deployment_status.updated_at = "2023-01-01T00:00:00Z";
    });
    await sendGeneric({ branch: "feature/DEMO-12-login", pipeline: { id: "p1", name: "Deploy" }, status: "success", environment: "production", finishedAt: "2030-01-01T00:00:00Z" });
    await drainWebhookQueue();
    const deployments = (await summaryOf("DEMO-12")).deployments;
    expect(deployments.map((d) => [d.environment, d.status])).toEqual([["production", "success"], ["staging", "failure"]]);
  });

  it("ignores a delivery from an unmapped repository, keys and all", async () => {
    const id = await send("github/workflow_run.completed-failure.json", (body) => (body.repository.full_name = "acme/shop-legacy"));
    await drainWebhookQueue();
    const delivery = await prisma().webhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(delivery.status).toBe("ignored");
    expect(delivery.result).toMatchObject({ linkedCards: [], ignored: { code: "unmapped-repository" } });
    expect(await linkedCardKeys(world.project.projectId)).toEqual([]);
  });

  it("records a ping as ignored", async () => {
    const res = await sendSigned("github", world.integrations.github, "ping", { zen: "Keep it logically awesome.", hook_id: 1 }, randomUUID());
    await drainWebhookQueue();
    expect(await prisma().webhookDelivery.findUniqueOrThrow({ where: { id: res.json.id } })).toMatchObject({ status: "ignored", result: { ignored: { code: "ping" } } });
  });
});

describe("notifications and badges", () => {
  it("publishes card.updated for each affected card, and only when something changed", async () => {
    const count = () => prisma().realtimeEvent.count({ where: { projectId: world.project.projectId, kind: "card.updated" } });
    const before = await count();
    const notified: string[] = [];
    const unlisten = await database.listen(BOARD_CHANNEL, (payload) => notified.push(payload));
    await send("gitlab/push.json");
    await drainWebhookQueue();
    const events = await prisma().realtimeEvent.findMany({ where: { projectId: world.project.projectId, kind: "card.updated" }, orderBy: { id: "desc" }, take: 2 });
    expect(events.map((e) => (e.payload as { key: string }).key).sort()).toEqual(["DEMO-30", "DEMO-31"]);
    // Open boards hear about each event (the realtime hub LISTENs for "projectId:eventId").
    await expect.poll(() => notified.sort()).toEqual(events.map((e) => `${world.project.projectId}:${e.id}`).sort());
    await unlisten();
    expect(await count()).toBe(before + 2);
    await send("gitlab/push.json"); // same content under a new delivery id: nothing new
    await drainWebhookQueue();
    expect(await count()).toBe(before + 2);
  });

  it("gives the board each card's latest run status", async () => {
    await send("github/workflow_run.completed-failure.json");
    await send("github/workflow_run.in_progress.json");
    await drainWebhookQueue();
    const statuses = await boardPipelineStatuses(world.project);
    expect([statuses["DEMO-12"], statuses["DEMO-21"], statuses["DEMO-1"]]).toEqual(["failure", "running", null]);
  });
});

describe("concurrent workers", () => {
  it("end in the right state when several workers split the deliveries of the same runs", async () => {
    // 108 deliveries: three claimers take batches of 50 at once. Jobs of one run race to create
    // it; the start and end of each run land in different batches.
    for (let i = 0; i < 36; i++) {
      await send("github/workflow_job.completed-failure.json", (body) => Object.assign(body.workflow_job, { id: 500 + (i % 12), name: `job-${i % 12}`, run_id: 77, conclusion: "success" }));
      await send("github/workflow_run.completed-failure.json", (body) => Object.assign(body.workflow_run, { id: 900 + (i % 3), head_branch: `DEMO-${20 + (i % 3)}` }));
      await send("github/workflow_run.requested.json", (body) => Object.assign(body.workflow_run, { id: 900 + (i % 3), head_branch: `DEMO-${20 + (i % 3)}` }));
    }
    await Promise.all([drainWebhookQueue(), drainWebhookQueue(), drainWebhookQueue()]);
    expect(await prisma().webhookDelivery.count({ where: { status: "pending" } })).toBe(0);
    expect((await summaryOf("DEMO-40")).runs).toEqual([expect.objectContaining({ status: "success", jobs: expect.arrayContaining([expect.objectContaining({ name: "job-11" })]) })]);
    expect((await summaryOf("DEMO-40")).runs[0]!.jobs).toHaveLength(12);
    for (const key of ["DEMO-20", "DEMO-21", "DEMO-22"]) expect((await summaryOf(key)).runs.map((run) => run.status)).toEqual(["failure"]);
  });
});

describe("retries", () => {
  it("backs off after a failure and gives up after the last attempt", async () => {
    // A trigger stands in for any fault while processing (a lost connection, a bug).
    await prisma().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_run() RETURNS trigger AS $$ BEGIN IF NEW.name = 'explode' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await prisma().$executeRawUnsafe(`CREATE TRIGGER refuse_run BEFORE INSERT ON "PipelineRun" FOR EACH ROW EXECUTE FUNCTION refuse_run()`);
    try {
      const res = await sendGeneric({ branch: "DEMO-7", pipeline: { id: "x", name: "explode" }, status: "success" });
      await drainWebhookQueue();
      let delivery = await prisma().webhookDelivery.findUniqueOrThrow({ where: { id: res.json.id } });
      expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("boom") });
      expect(delivery.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
      expect(await drainWebhookQueue()).toBe(0); // not due yet
      for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
        await prisma().webhookDelivery.update({ where: { id: res.json.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
        await drainWebhookQueue();
      }
      delivery = await prisma().webhookDelivery.findUniqueOrThrow({ where: { id: res.json.id } });
      expect(delivery).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: expect.stringContaining("boom") });
      expect(await linkedCardKeys(world.project.projectId)).toEqual([]);

      // In a batch with good deliveries, the bad one fails alone.
      const bad = await sendGeneric({ branch: "DEMO-7", pipeline: { id: "y", name: "explode" }, status: "success" });
      const good = await send("github/workflow_run.completed-failure.json");
      await drainWebhookQueue();
      expect(await prisma().webhookDelivery.findUniqueOrThrow({ where: { id: bad.json.id } })).toMatchObject({ status: "pending", attempts: 1 });
      expect(await prisma().webhookDelivery.findUniqueOrThrow({ where: { id: good } })).toMatchObject({ status: "processed", attempts: 1 });
    } finally {
      await prisma().$executeRawUnsafe(`DROP TRIGGER refuse_run ON "PipelineRun"`);
    }
  });
});
