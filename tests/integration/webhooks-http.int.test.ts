// The webhook endpoint's answers: what is stored for each refusal, and repeats under concurrency.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as integrationsRoute from "@/app/api/v1/projects/[key]/integrations/route";
import { signGithub } from "@/lib/domain/pipeline/verify";
import { currentDatabase } from "@/lib/server/database";
import { call } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { drainWebhookQueue } from "@/lib/server/webhook-queue";
import { loadFixtures, makePipelineWorld, postWebhook, sendFixture, signHeaders, type Fixture } from "./webhooks-support";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makePipelineWorld>>;
const fixture = (file: string) => loadFixtures().find((f) => f.file === file) as Fixture;
const prisma = () => currentDatabase().prisma;
const deliveryCount = () => prisma().webhookDelivery.count();
const refusals = (integrationId: string) => prisma().webhookRejection.findMany({ where: { integrationId }, orderBy: { reason: "asc" } });

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makePipelineWorld(20);
});
afterAll(() => database.dispose());

/** A GitHub workflow_run delivery with a fresh delivery id, signed with `secret`. */
function githubDelivery(secret = world.integrations.github.secret) {
  const run = fixture("github/workflow_run.completed-failure.json");
  const body = JSON.stringify(run.body);
  const headers = signHeaders({ ...run.headers, "X-GitHub-Delivery": randomUUID() }, secret, body);
  return { body, headers };
}

describe("refusals", () => {
  it("401 for a wrong or missing signature: counted among the integration's refusals, nothing stored", async () => {
    const before = await deliveryCount();
    const wrong = githubDelivery("not the secret");
    const res = await postWebhook("github", world.integrations.github.id, wrong.body, wrong.headers);
    expect(res).toMatchObject({ status: 401, json: { error: { code: "INVALID_SIGNATURE" } } });
    const { "X-Hub-Signature-256": _dropped, ...unsigned } = githubDelivery().headers;
    expect((await postWebhook("github", world.integrations.github.id, githubDelivery().body, unsigned)).status).toBe(401);
    const gitlab = fixture("gitlab/pipeline.success.json");
    const gitlabBody = JSON.stringify(gitlab.body);
    const wrongToken = signHeaders(gitlab.headers, `${world.integrations.gitlab.secret}x`, gitlabBody);
    expect((await postWebhook("gitlab", world.integrations.gitlab.id, gitlabBody, wrongToken)).status).toBe(401);

    expect(await deliveryCount()).toBe(before);
    expect(await refusals(world.integrations.github.id)).toEqual([expect.objectContaining({ reason: "INVALID_SIGNATURE", count: 2, recent: [expect.objectContaining({ event: "workflow_run" }), expect.objectContaining({ event: "workflow_run" })] })]);
    expect(await refusals(world.integrations.gitlab.id)).toEqual([expect.objectContaining({ reason: "INVALID_SIGNATURE", count: 1 })]);
    expect(await drainWebhookQueue()).toBe(0);
  });

  it("404 for an unknown integration, a provider that does not match it, or an unknown provider; nothing stored", async () => {
    const before = await deliveryCount();
    const { body, headers } = githubDelivery();
    expect((await postWebhook("github", "no-such-integration", body, headers)).status).toBe(404);
    expect((await postWebhook("gitlab", world.integrations.github.id, body, headers)).status).toBe(404);
    expect((await postWebhook("bitbucket", world.integrations.github.id, body, headers)).status).toBe(404);
    expect(await deliveryCount()).toBe(before);
  });

  it("404 for an integration deleted on another instance while this one had it cached", async () => {
    const integration = (await call(integrationsRoute.POST, { method: "POST", params: { key: "DEMO" }, body: { provider: "github", name: "Short-lived" }, auth: { token: world.adminToken } })).json;
    const send = () => {
      const { body, headers } = githubDelivery(integration.secret);
      return postWebhook("github", integration.id, body, headers);
    };
    expect((await send()).status).toBe(202);
    await prisma().integration.delete({ where: { id: integration.id } }); // not through this process's service
    expect((await send()).status).toBe(404);
  });

  it("413 for a body over 5 MB, announced or not; nothing stored", async () => {
    const before = await deliveryCount();
    const huge = JSON.stringify({ padding: "x".repeat(5 * 1024 * 1024) });
    const signed = { "content-type": "application/json", "x-github-event": "push", "x-hub-signature-256": signGithub(world.integrations.github.secret, huge) };
    expect((await postWebhook("github", world.integrations.github.id, huge, signed)).status).toBe(413);
    const announced = { ...signed, "content-length": String(6 * 1024 * 1024) };
    expect((await postWebhook("github", world.integrations.github.id, "{}", announced)).status).toBe(413);
    expect(await deliveryCount()).toBe(before);
  });

  it("400 for a correctly signed body that is not JSON: counted among the refusals, not stored", async () => {
    const before = await deliveryCount();
    const text = "{not json";
    const res = await postWebhook("github", world.integrations.github.id, text, {
      "x-github-event": "push", "x-github-delivery": randomUUID(), "x-hub-signature-256": signGithub(world.integrations.github.secret, text),
    });
    expect(res).toMatchObject({ status: 400, json: { error: { code: "INVALID_JSON" } } });
    expect(await deliveryCount()).toBe(before);
    expect(await refusals(world.integrations.github.id)).toContainEqual(expect.objectContaining({ reason: "INVALID_JSON", count: 1, recent: [expect.objectContaining({ event: "push" })] }));
  });
});

describe("storage", () => {
  it("stores headers without GitLab's token, which is the secret itself", async () => {
    const res = await sendFixture(fixture("gitlab/pipeline.success.json"), world.integrations, { ...(fixture("gitlab/pipeline.success.json").body as object), marker: randomUUID() });
    expect(res.status).toBe(202);
    const row = await prisma().webhookDelivery.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(row.headers).toMatchObject({ "x-gitlab-token": "[redacted]", "x-gitlab-event": "Pipeline Hook" });
    expect(JSON.stringify(row.headers)).not.toContain(world.integrations.gitlab.secret);
  });

  it("processes a delivery sent five times at once exactly once", async () => {
    const { body, headers } = githubDelivery();
    const answers = await Promise.all(Array.from({ length: 5 }, () => postWebhook("github", world.integrations.github.id, body, headers)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
    expect(answers.filter((a) => a.json.duplicate)).toHaveLength(4);
    const key = headers["X-GitHub-Delivery"];
    expect(await prisma().webhookDelivery.count({ where: { deliveryKey: key } })).toBe(1);
    expect(await prisma().webhookDelivery.count({ where: { status: "duplicate", result: { equals: { duplicateOf: key } } } })).toBe(4);
    await drainWebhookQueue();
    expect(await prisma().webhookDelivery.findFirstOrThrow({ where: { deliveryKey: key } })).toMatchObject({ status: "processed", attempts: 1 });
  });

  it("processes an old GitLab delivery without Idempotency-Key every time", async () => {
    const pipeline = fixture("gitlab/pipeline.success.json");
    const { "Idempotency-Key": _key, ...headers } = pipeline.headers;
    const first = await sendFixture({ ...pipeline, headers }, world.integrations);
    const second = await sendFixture({ ...pipeline, headers }, world.integrations);
    expect([first.json.duplicate, second.json.duplicate]).toEqual([undefined, undefined]);
    await drainWebhookQueue();
    const rows = await prisma().webhookDelivery.findMany({ where: { id: { in: [first.json.id, second.json.id] } } });
    expect(rows.map((row) => row.status)).toEqual(["processed", "processed"]);
  });
});
