// Delivery measures end to end (issue 14): signed GitHub pushes (commits with their own times),
// deployments to staging and production, a failure, and an incident through the incident webhook,
// then every number of the delivery report and a card's road to production; plus success, bad
// input (422 naming the field), no credentials (401) and another team (404) for each route.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cardDeliveryRoute from "@/app/api/v1/cards/[cardKey]/delivery/route";
import * as boardRoute from "@/app/api/v1/projects/[key]/board/route";
import * as deliveryRoute from "@/app/api/v1/projects/[key]/reports/delivery/route";
import * as incidentRoute from "@/app/api/webhooks/incident/[integrationId]/route";
import { signGithub } from "@/lib/domain/pipeline/verify";
import { currentDatabase } from "@/lib/server/database";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { drainWebhookQueue } from "@/lib/server/webhook-queue";
import { makeWorld } from "@/prisma/factories";
import { loadFixtures, makePipelineWorld, sendSigned } from "./webhooks-support";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makePipelineWorld>>;
let viewer: string;
let stranger: string;
let incidentId: string;

const fixtures = loadFixtures();
const fixtureBody = <T,>(file: string) => structuredClone(fixtures.find((fixture) => fixture.file === file)!.body) as T;
type PushBody = { ref: string; after: string; repository: { pushed_at: number }; commits: Array<Record<string, unknown>>; head_commit: unknown };
type DeploymentStatusBody = { deployment: Record<string, unknown>; deployment_status: Record<string, unknown> };
const sha = (n: number) => String(n).repeat(40).slice(0, 40);
const c1 = sha(1), c2 = sha(2), c3 = sha(3);
let delivery = 0;

/** A GitHub push to main of commits [sha, message, committed] at `at`, from the push fixture. */
async function push(at: string, commits: Array<[string, string, string]>) {
  const body = fixtureBody<PushBody>("github/push.branch.json");
  body.ref = "refs/heads/main";
  body.after = commits.at(-1)![0];
  body.repository.pushed_at = Date.parse(at) / 1000;
  body.commits = commits.map(([id, message, timestamp]) => ({ ...body.commits[0], id, message, timestamp }));
  body.head_commit = body.commits.at(-1);
  expect((await sendSigned("github", world.integrations.github, "push", body, `push-${++delivery}`)).status).toBe(202);
}

/** A GitHub deployment_status of deployment `id` of `sha` (ref main) to `environment`, from the success fixture. */
async function deploy(id: number, environment: string, commit: string, state: "success" | "failure", at: string) {
  const body = fixtureBody<DeploymentStatusBody>("github/deployment_status.success-production.json");
  Object.assign(body.deployment, { id, sha: commit, ref: "main", environment, created_at: at, updated_at: at });
  Object.assign(body.deployment_status, { state, environment, created_at: at, updated_at: at });
  expect((await sendSigned("github", world.integrations.github, "deployment_status", body, `deploy-${++delivery}`)).status).toBe(202);
}

async function incident(payload: Record<string, unknown>, secret = world.integrations.generic.secret, integrationId = world.integrations.generic.id) {
  const bytes = JSON.stringify(payload);
  const req = new Request(`http://localhost/api/webhooks/incident/${integrationId}`, { method: "POST", headers: { "content-type": "application/json", "x-shipboard-signature-256": signGithub(secret, bytes) }, body: bytes });
  const res = await incidentRoute.POST(req, { params: Promise.resolve({ integrationId }) });
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makePipelineWorld(10);
  viewer = await tokenFor(world.users.VIEWER.id);
  stranger = await tokenFor((await makeWorld("DLVX")).users.OWNER.id);

  // DEMO-5: created 1 March 10:00, started 12:00, done 2 March 11:00.
  const prisma = currentDatabase().prisma;
  const columns = await prisma.column.findMany({ where: { projectId: world.project.projectId }, orderBy: { rank: "asc" } });
  const card = await prisma.card.update({ where: { key: "DEMO-5" }, data: { createdAt: new Date("2026-03-01T10:00:00Z"), columnId: columns[3]!.id, boardRank: "zz" } });
  for (const [to, at] of [[1, "2026-03-01T12:00:00Z"], [3, "2026-03-02T11:00:00Z"]] as const) {
    await prisma.cardEvent.create({ data: { projectId: world.project.projectId, cardId: card.id, type: "MOVED", toColumnId: columns[to]!.id, at: new Date(at) } });
  }

  await push("2026-03-02T09:00:00Z", [[c1, "DEMO-5: checkout copy", "2026-03-02T08:00:00Z"], [c2, "DEMO-5: tests", "2026-03-02T08:30:00Z"]]);
  await deploy(1, "staging", c2, "success", "2026-03-02T10:00:00Z");
  await deploy(2, "production", c2, "success", "2026-03-02T12:00:00Z");
  await push("2026-03-03T10:00:00Z", [[c3, "DEMO-6: payment retries", "2026-03-03T09:00:00Z"]]);
  await deploy(3, "production", c3, "failure", "2026-03-03T12:00:00Z");
  await deploy(4, "production", c3, "success", "2026-03-03T14:00:00Z");
  await drainWebhookQueue();
  const opened = await incident({ id: "INC-1", action: "open", title: "Payments failing", at: "2026-03-03T15:00:00Z", deploymentSha: c3 });
  expect(opened.status).toBe(200);
  incidentId = opened.json.id;
  expect((await incident({ id: "INC-1", action: "resolve", at: "2026-03-03T17:00:00Z" })).status).toBe(200);
});
afterAll(() => database.dispose());

const getReport = (query: string, token: string | null = viewer, key = "DEMO") =>
  call(deliveryRoute.GET, { path: `/api/v1/projects/${key}/reports/delivery?${query}`, params: { key }, auth: token ? { token } : {} });
const getCard = (cardKey: string, token: string | null = viewer) => call(cardDeliveryRoute.GET, { path: `/api/v1/cards/${cardKey}/delivery`, params: { cardKey }, auth: token ? { token } : {} });
const week = "from=2026-03-02&to=2026-03-08";

describe("what the deliveries recorded", () => {
  it("keeps each commit's own time and what each deployment shipped", async () => {
    const prisma = currentDatabase().prisma;
    expect(await prisma.commit.findMany({ where: { projectId: world.project.projectId }, orderBy: { sha: "asc" }, select: { sha: true, committedAt: true } })).toEqual([
      { sha: c1, committedAt: new Date("2026-03-02T08:00:00Z") },
      { sha: c2, committedAt: new Date("2026-03-02T08:30:00Z") },
      { sha: c3, committedAt: new Date("2026-03-03T09:00:00Z") },
    ]);
    const shipped = await prisma.deployment.findMany({ where: { projectId: world.project.projectId }, orderBy: { at: "asc" }, select: { environment: true, status: true, commits: true } });
    expect(shipped).toEqual([
      { environment: "staging", status: "success", commits: [c1, c2] },
      { environment: "production", status: "success", commits: [c1, c2] },
      { environment: "production", status: "failure", commits: [c3] },
      { environment: "production", status: "success", commits: [c3] },
    ]);
  });
});

describe("GET /projects/{key}/reports/delivery", () => {
  it("answers every measure of the week", async () => {
    const res = await getReport(week);
    expect(res.status).toBe(200);
    const deployments = await currentDatabase().prisma.deployment.findMany({ where: { environment: "production" }, orderBy: { at: "asc" }, select: { id: true } });
    const [d2, d3, d4] = deployments.map((deployment) => deployment.id);
    expect(res.json).toEqual({
      from: "2026-03-02",
      to: "2026-03-08",
      // Two successes in 7 days; one ISO week with deployments on 2 days: most weeks deploy, fewer than 3 days a week.
      deploymentFrequency: { perDay: 0.29, perWeek: 2, bucket: "weekly" },
      // c1 4 h, c2 3.5 h (to 2 March 12:00), c3 5 h (to the successful 3 March 14:00; the failure shipped nothing).
      changeLeadTime: { medianHours: 4 },
      // The failure, and the deployment the incident names.
      changeFailureRate: 2 / 3,
      // The failure: 12:00 → 14:00; the incident: 15:00 → 17:00.
      recoveryTime: { medianHours: 2 },
      // The fix landed within the failure's recovery.
      reworkRate: 1 / 3,
      deployments: [
        { id: d2, environment: "production", sha: c2, status: "success", finishedAt: "2026-03-02T12:00:00.000Z", commits: [c1, c2], failed: false, rollback: false, incidentIds: [] },
        { id: d3, environment: "production", sha: c3, status: "failure", finishedAt: "2026-03-03T12:00:00.000Z", commits: [c3], failed: true, rollback: false, incidentIds: [] },
        { id: d4, environment: "production", sha: c3, status: "success", finishedAt: "2026-03-03T14:00:00.000Z", commits: [c3], failed: true, rollback: false, incidentIds: [incidentId] },
      ],
    });
  });

  it("follows the project's production environments (a board setting; bad names 422)", async () => {
    const owner = await tokenFor(world.users.PRODUCT_OWNER.id);
    const settings = (productionEnvironments: unknown) => call(boardRoute.PATCH, { method: "PATCH", path: "/api/v1/projects/DEMO/board", params: { key: "DEMO" }, body: { productionEnvironments }, auth: { token: owner } });
    const bad = await settings([""]);
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.map((issue: { path: string }) => issue.path)).toContain("productionEnvironments.0");
    const saved = await settings(["staging", "staging"]);
    expect(saved.status).toBe(200);
    expect(saved.json.productionEnvironments).toEqual(["staging"]);
    try {
      const res = await getReport(week);
      expect(res.json.deployments.map((deployment: { environment: string }) => deployment.environment)).toEqual(["staging"]);
    } finally {
      expect((await settings([])).status).toBe(200);
    }
  });

  it("is empty outside the deployments' days", async () => {
    const res = await getReport("from=2026-04-01&to=2026-04-07");
    expect(res.json).toMatchObject({ deploymentFrequency: { perDay: 0, perWeek: 0, bucket: null }, changeLeadTime: { medianHours: null }, changeFailureRate: null, reworkRate: null, deployments: [] });
  });

  it.each([
    ["from=2026-13-01", "from"],
    ["from=2026-03-10&to=2026-03-01", "to"],
  ])("refuses %s with 422 naming %s", async (query, field) => {
    const res = await getReport(query);
    expect(res.status).toBe(422);
    expect(res.json.error.details.map((issue: { path: string }) => issue.path)).toContain(field);
  });

  it("refuses a caller without credentials (401) and answers another team 404", async () => {
    expect((await getReport(week, null)).status).toBe(401);
    const res = await getReport(week, stranger);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.json)).not.toContain(c1);
  });
});

describe("GET /cards/{cardKey}/delivery", () => {
  it("answers the card's road to production and its times", async () => {
    const res = await getCard("DEMO-5");
    expect(res.status).toBe(200);
    const [staging, production] = await currentDatabase().prisma.deployment.findMany({ where: { sha: c2 }, orderBy: { at: "asc" }, select: { id: true } });
    const columns = await currentDatabase().prisma.column.findMany({ where: { projectId: world.project.projectId }, orderBy: { rank: "asc" }, select: { id: true } });
    expect(res.json).toEqual({
      key: "DEMO-5",
      production: { deploymentId: production!.id, environment: "production", at: "2026-03-02T12:00:00.000Z" },
      // Created 1 March 10:00, started 12:00, in production 2 March 12:00.
      leadTimeHours: 26,
      deliveryTimeHours: 24,
      // No pull request: in progress until done (11:00), then an hour waiting to deploy.
      breakdown: { inProgressHours: 23, reviewHours: 0, waitingToDeployHours: 1 },
      columns: [
        { columnId: columns[1]!.id, column: "In progress", hours: 23 },
        { columnId: columns[3]!.id, column: "Done", hours: 1 },
      ],
      timeline: [
        { kind: "started", at: "2026-03-01T12:00:00.000Z" },
        { kind: "deployed", at: "2026-03-02T10:00:00.000Z", environment: "staging", production: false, deploymentId: staging!.id },
        { kind: "deployed", at: "2026-03-02T12:00:00.000Z", environment: "production", production: true, deploymentId: production!.id },
      ],
    });
  });

  it("shows the incident on the road of the card whose commit it hit", async () => {
    const res = await getCard("DEMO-6");
    expect(res.json.timeline.filter((event: { kind: string }) => event.kind === "incident")).toEqual([
      { kind: "incident", at: "2026-03-03T15:00:00.000Z", incidentId, resolvedAt: "2026-03-03T17:00:00.000Z" },
    ]);
  });

  it("refuses a malformed key (422), no credentials (401), another team (404)", async () => {
    expect((await getCard("not a key")).status).toBe(422);
    expect((await getCard("DEMO-5", null)).status).toBe(401);
    expect((await getCard("DEMO-5", stranger)).status).toBe(404);
  });
});

describe("POST /api/webhooks/incident/{integrationId}", () => {
  const count = () => currentDatabase().prisma.incident.count({ where: { projectId: world.project.projectId } });

  it.each([
    [{ id: "INC-2", action: "open", at: "2026-03-05T10:00:00Z" }, "title"],
    [{ id: "INC-2", action: "close", title: "x", at: "2026-03-05T10:00:00Z" }, "action"],
    [{ id: "INC-2", action: "open", title: "x", at: "yesterday" }, "at"],
    [{ id: "INC-2", action: "open", title: "x", at: "2026-03-05T10:00:00Z", card: "DEMO-99" }, "card"],
  ])("refuses %j with 422 naming %s, writing nothing", async (payload, field) => {
    const before = await count();
    const res = await incident(payload);
    expect(res.status).toBe(422);
    expect(res.json.error.details.map((issue: { path: string }) => issue.path)).toContain(field);
    expect(await count()).toBe(before);
  });

  it("refuses resolving an incident never opened (422), a bad signature (401), a body that is not JSON (400)", async () => {
    const before = await count();
    expect((await incident({ id: "INC-9", action: "resolve", at: "2026-03-05T10:00:00Z" })).json.error.code).toBe("INCIDENT_NOT_OPEN");
    expect((await incident({ id: "INC-2", action: "open", title: "x", at: "2026-03-05T10:00:00Z" }, "wrong secret")).status).toBe(401);
    const integrationId = world.integrations.generic.id;
    const req = new Request(`http://localhost/api/webhooks/incident/${integrationId}`, { method: "POST", headers: { "x-shipboard-signature-256": signGithub(world.integrations.generic.secret, "{nope") }, body: "{nope" });
    expect((await incidentRoute.POST(req, { params: Promise.resolve({ integrationId }) })).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("a GitHub issue labelled incident opens one, and closing it resolves it", async () => {
    const issue = { action: "opened", repository: { id: 1, full_name: "acme/shop" }, issue: { number: 7, title: "DEMO-6 checkout down", html_url: "https://github.com/acme/shop/issues/7", state: "open", created_at: "2026-03-05T10:00:00Z", closed_at: null, labels: [{ name: "incident" }] } };
    await sendSigned("github", world.integrations.github, "issues", issue, "issue-open");
    await sendSigned("github", world.integrations.github, "issues", { ...issue, action: "closed", issue: { ...issue.issue, state: "closed", closed_at: "2026-03-05T11:30:00Z" } }, "issue-closed");
    await drainWebhookQueue();
    expect(await currentDatabase().prisma.incident.findFirst({ where: { externalId: "issue:7" }, select: { title: true, openedAt: true, resolvedAt: true, cardKey: true } })).toEqual({
      title: "DEMO-6 checkout down", openedAt: new Date("2026-03-05T10:00:00Z"), resolvedAt: new Date("2026-03-05T11:30:00Z"), cardKey: "DEMO-6",
    });
  });
});

describe("GitLab deployments", () => {
  it("a job that starts an environment and its Deployment Hook are one deployment, with the tier", async () => {
    const hook = fixtureBody<Record<string, unknown>>("gitlab/deployment.success-production.json");
    const job = { ...fixtureBody<Record<string, unknown>>("gitlab/job.created.json"), build_id: hook.deployable_id, build_status: "success", build_finished_at: "2025-05-02 11:55:10 UTC", environment: { name: "production", action: "start", deployment_tier: "production" } };
    expect((await sendSigned("gitlab", world.integrations.gitlab, "Job Hook", job, "gl-job")).status).toBe(202);
    expect((await sendSigned("gitlab", world.integrations.gitlab, "Deployment Hook", hook, "gl-deployment")).status).toBe(202);
    await drainWebhookQueue();
    expect(await currentDatabase().prisma.deployment.findMany({ where: { integrationId: world.integrations.gitlab.id }, select: { externalId: true, environment: true, status: true, tier: true, at: true } })).toEqual([
      { externalId: `deployment-job:${hook.deployable_id}`, environment: "production", status: "success", tier: "production", at: new Date("2025-05-02T11:55:16Z") },
    ]);
  });
});
