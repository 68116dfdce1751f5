// The integrations REST API: roles, validation, secrets shown once, rotation, delivery log, reprocess.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cardRoute from "@/app/api/v1/cards/[cardKey]/route";
import * as deliveryRoute from "@/app/api/v1/deliveries/[id]/route";
import * as reprocessRoute from "@/app/api/v1/deliveries/[id]/reprocess/route";
import * as integrationRoute from "@/app/api/v1/integrations/[id]/route";
import * as deliveriesRoute from "@/app/api/v1/integrations/[id]/deliveries/route";
import * as rotateRoute from "@/app/api/v1/integrations/[id]/rotate-secret/route";
import * as integrationsRoute from "@/app/api/v1/projects/[key]/integrations/route";
import { decryptSecret } from "@/lib/server/crypto";
import { currentDatabase } from "@/lib/server/database";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { drainWebhookQueue } from "@/lib/server/webhook-queue";
import { makeWorld } from "@/prisma/factories";
import { loadFixtures, makePipelineWorld, sendFixture, type Fixture } from "./webhooks-support";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makePipelineWorld>>;
let tokens: Record<"admin" | "owner" | "po" | "member" | "outsider", string>;
const prisma = () => currentDatabase().prisma;
const fixture = (file: string) => loadFixtures().find((f) => f.file === file) as Fixture;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makePipelineWorld(20);
  const other = await makeWorld("OTHER");
  tokens = {
    admin: world.adminToken,
    owner: await tokenFor(world.users.OWNER.id),
    po: await tokenFor(world.users.PRODUCT_OWNER.id),
    member: await tokenFor(world.users.MEMBER.id),
    outsider: await tokenFor(other.users.OWNER.id),
  };
});
afterAll(() => database.dispose());

const create = (body: unknown, token = tokens.admin, key = "DEMO") =>
  call(integrationsRoute.POST, { method: "POST", path: `/api/v1/projects/${key}/integrations`, params: { key }, body, auth: { token } });
const list = (token = tokens.admin) => call(integrationsRoute.GET, { params: { key: "DEMO" }, auth: { token } });

describe("creating and listing", () => {
  it("creates an integration and returns the secret and an absolute webhook URL once", async () => {
    const res = await create({ provider: "gitlab", name: " GitLab shop ", repository: "https://gitlab.example.com/acme/shop.git" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ provider: "gitlab", name: "GitLab shop", repository: "acme/shop", secret: expect.stringMatching(/^[\w-]{32}$/) });
    expect(res.json.webhookUrl).toBe(`http://localhost/api/webhooks/gitlab/${res.json.id}`);
    const row = await prisma().integration.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(row.secretEncrypted).not.toContain(res.json.secret);
    expect(decryptSecret(row.secretEncrypted)).toBe(res.json.secret);

    const listed = await list();
    expect(listed.status).toBe(200);
    expect(listed.json.integrations).toContainEqual(expect.objectContaining({ id: res.json.id, webhookUrl: res.json.webhookUrl, lastDelivery: null }));
    expect(JSON.stringify(listed.json)).not.toMatch(new RegExp(`${res.json.secret}|secret`, "i"));
  });

  it("builds webhook URLs from the Host the admin used; X-Forwarded-* only counts under TRUST_PROXY", async () => {
    const headers = { host: "shipboard.lan:8080", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    const res = await call(integrationsRoute.POST, { method: "POST", path: "/api/v1/projects/DEMO/integrations", params: { key: "DEMO" }, body: { provider: "generic", name: "LAN CI" }, auth: { token: tokens.admin }, headers });
    expect(res.json.webhookUrl).toBe(`http://shipboard.lan:8080/api/webhooks/generic/${res.json.id}`);
    const listed = await call(integrationsRoute.GET, { params: { key: "DEMO" }, auth: { token: tokens.admin }, headers });
    expect(listed.json.integrations).toContainEqual(expect.objectContaining({ id: res.json.id, webhookUrl: res.json.webhookUrl }));
    const rotated = await call(rotateRoute.POST, { method: "POST", params: { id: res.json.id }, auth: { token: tokens.admin }, headers });
    expect(rotated.json.webhookUrl).toBe(res.json.webhookUrl);
  });

  it("lets owners in too, refuses lower roles with 403, strangers with 404, anonymous callers with 401", async () => {
    expect((await create({ provider: "generic", name: "Jenkins" }, tokens.owner)).status).toBe(201);
    expect((await create({ provider: "generic", name: "Jenkins" }, tokens.po)).status).toBe(403);
    expect((await list(tokens.member)).status).toBe(403);
    expect((await create({ provider: "generic", name: "Jenkins" }, tokens.outsider)).status).toBe(404);
    expect((await list(tokens.outsider)).status).toBe(404);
    expect((await call(integrationsRoute.GET, { params: { key: "DEMO" } })).status).toBe(401);
  });

  it("validates the input", async () => {
    const cases = [
      [{ provider: "bitbucket", name: "x" }, "provider"],
      [{ provider: "github", name: "  " }, "name"],
      [{ provider: "github", name: "x", repository: "acme/shop?x=<script>" }, "repository"],
      [{ provider: "github", name: "x", stageRules: [{ pattern: "/(unclosed/", stage: "test" }] }, "stageRules.0.pattern"],
      [{ provider: "github", name: "x", stageRules: [{ pattern: "e2e", stage: "qa" }] }, "stageRules.0.stage"],
    ] as const;
    for (const [body, field] of cases) {
      const res = await create(body);
      expect(res.status, field).toBe(422);
      expect(res.json.error.details).toContainEqual(expect.objectContaining({ path: field }));
    }
    const malformed = await call(integrationsRoute.POST, { method: "POST", params: { key: "DEMO" }, rawBody: "{", auth: { token: tokens.admin } });
    expect(malformed.status).toBe(400);
  });
});

describe("secret rotation and removal", () => {
  it("rotates the secret: the new one is shown once and works, the old one is refused", async () => {
    const created = (await create({ provider: "github", name: "Rotating", repository: "acme/shop" })).json;
    const push = fixture("github/push.branch.json");
    const send = (secret: string) => sendFixture({ ...push, headers: { ...push.headers, "X-GitHub-Delivery": randomUUID() } }, { ...world.integrations, github: { ...created, secret } });
    expect(await send(created.secret)).toMatchObject({ status: 202, json: { accepted: true, id: expect.any(String) } });

    expect((await call(rotateRoute.POST, { method: "POST", params: { id: created.id }, auth: { token: tokens.member } })).status).toBe(403);
    expect((await call(rotateRoute.POST, { method: "POST", params: { id: created.id }, auth: { token: tokens.outsider } })).status).toBe(404);
    const rotated = await call(rotateRoute.POST, { method: "POST", params: { id: created.id }, auth: { token: tokens.admin } });
    expect(rotated.status).toBe(200);
    expect(rotated.json).toEqual({ id: created.id, provider: "github", name: "Rotating", secret: expect.any(String), webhookUrl: created.webhookUrl });
    expect(rotated.json.secret).not.toBe(created.secret);
    expect((await send(created.secret)).status).toBe(401);
    expect(await send(rotated.json.secret)).toMatchObject({ status: 202, json: { accepted: true, id: expect.any(String) } });
  });

  it("deletes an integration with its deliveries and records", async () => {
    const created = (await create({ provider: "github", name: "Doomed", repository: "acme/shop" })).json;
    const res = await sendFixture(fixture("github/workflow_run.completed-success.json"), { ...world.integrations, github: created });
    await drainWebhookQueue();
    expect(await prisma().pipelineRun.count({ where: { integrationId: created.id } })).toBe(1);
    expect((await call(integrationRoute.DELETE, { method: "DELETE", params: { id: created.id }, auth: { token: tokens.po } })).status).toBe(403);
    expect((await call(integrationRoute.DELETE, { method: "DELETE", params: { id: created.id }, auth: { token: tokens.admin } })).status).toBe(200);
    expect(await prisma().webhookDelivery.count({ where: { id: res.json.id } })).toBe(0);
    expect(await prisma().pipelineRun.count({ where: { integrationId: created.id } })).toBe(0);
    expect((await call(integrationRoute.DELETE, { method: "DELETE", params: { id: created.id }, auth: { token: tokens.admin } })).status).toBe(404);
  });
});

describe("draining the queue", () => {
  it("for the seed, waits for a delivery another instance has claimed, so every due delivery is processed when it returns", async () => {
    const sent = await sendFixture(fixture("github/workflow_run.completed-success.json"), world.integrations);
    // Another instance's worker holds the lease and is still working on it.
    await prisma().webhookDelivery.update({ where: { id: sent.json.id }, data: { lockedUntil: new Date(Date.now() + 60_000), attempts: 1 } });
    let drained = false;
    const draining = drainWebhookQueue({ waitForOtherWorkers: true }).then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(drained).toBe(false);
    // That instance commits its result.
    await prisma().webhookDelivery.update({ where: { id: sent.json.id }, data: { status: "processed", lockedUntil: null, processedAt: new Date() } });
    await draining;
    expect(drained).toBe(true);
  });
});

describe("delivery log", () => {
  it("lists deliveries newest first with outcome and derived fields, pages, filters by status", async () => {
    const { github } = world.integrations;
    const sent = await sendFixture(fixture("github/workflow_run.completed-failure.json"), world.integrations);
    await sendFixture(fixture("github/workflow_run.completed-failure.json"), world.integrations); // repeat
    await drainWebhookQueue();
    const res = await call(deliveriesRoute.GET, { path: `/api/v1/integrations/${github.id}/deliveries?limit=1`, params: { id: github.id }, auth: { token: tokens.admin } });
    expect(res.status).toBe(200);
    expect(res.json.deliveries).toEqual([expect.objectContaining({ status: "duplicate" })]);
    expect(res.json.deliveries[0]).not.toHaveProperty("body");
    expect(res.json.nextCursor).toEqual(expect.any(String));
    const processed = await call(deliveriesRoute.GET, { path: `/x?status=processed`, params: { id: github.id }, auth: { token: tokens.admin } });
    expect(processed.json.deliveries).toContainEqual(
      expect.objectContaining({ id: sent.json.id, event: "workflow_run", attempts: 1, result: expect.objectContaining({ linkedCards: ["DEMO-12"], status: "failure" }) }),
    );
    expect((await call(deliveriesRoute.GET, { path: "/x?limit=500", params: { id: github.id }, auth: { token: tokens.admin } })).status).toBe(422);
    expect((await call(deliveriesRoute.GET, { params: { id: github.id }, auth: { token: tokens.member } })).status).toBe(403);
    expect((await call(deliveriesRoute.GET, { params: { id: github.id }, auth: { token: tokens.outsider } })).status).toBe(404);
    expect((await call(deliveriesRoute.GET, { params: { id: github.id } })).status).toBe(401);

    const detail = await call(deliveryRoute.GET, { params: { id: sent.json.id }, auth: { token: tokens.admin } });
    expect(detail.json).toMatchObject({ id: sent.json.id, headers: { "x-github-event": "workflow_run" }, body: expect.stringContaining('"workflow_run"') });
    expect((await call(deliveryRoute.GET, { params: { id: sent.json.id }, auth: { token: tokens.outsider } })).status).toBe(404);
  });

  it("reprocesses a stored delivery with the current settings; refuses repeated ones", async () => {
    const { github } = world.integrations;
    await prisma().integration.update({ where: { id: github.id }, data: { repository: "acme/elsewhere" } });
    const sent = await sendFixture(fixture("github/check_suite.completed.json"), world.integrations, { ...(fixture("github/check_suite.completed.json").body as object), n: 1 });
    await drainWebhookQueue();
    expect(await prisma().webhookDelivery.findUniqueOrThrow({ where: { id: sent.json.id } })).toMatchObject({ status: "ignored" });

    await prisma().integration.update({ where: { id: github.id }, data: { repository: "acme/shop" } });
    expect((await call(reprocessRoute.POST, { method: "POST", params: { id: sent.json.id }, auth: { token: tokens.member } })).status).toBe(403);
    const res = await call(reprocessRoute.POST, { method: "POST", params: { id: sent.json.id }, auth: { token: tokens.admin } });
    expect(res).toMatchObject({ status: 202, json: { id: sent.json.id, status: "pending" } });
    await drainWebhookQueue();
    expect(await prisma().webhookDelivery.findUniqueOrThrow({ where: { id: sent.json.id } })).toMatchObject({ status: "processed", result: expect.objectContaining({ linkedCards: ["DEMO-18"] }) });

    const card = await call(cardRoute.GET, { params: { cardKey: "DEMO-18" }, auth: { token: tokens.member } });
    expect(card.json.pipeline).toMatchObject({ status: "success", runs: [expect.objectContaining({ name: "octocoders-linter", status: "success" })] });

    const repeated = await prisma().webhookDelivery.create({ data: { integrationId: github.id, event: "push", status: "duplicate" } });
    expect((await call(reprocessRoute.POST, { method: "POST", params: { id: repeated.id }, auth: { token: tokens.admin } })).json.error.code).toBe("NOT_REPROCESSABLE");
    expect((await call(reprocessRoute.POST, { method: "POST", params: { id: "nope" }, auth: { token: tokens.admin } })).status).toBe(404);
  });
});
