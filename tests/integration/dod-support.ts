// Set-up for the Definition-of-Done tests: a project with a GitHub integration, and GitHub
// deliveries (built from the shared fixtures) about one card, sent through the real webhook route
// and processed by draining the queue.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as integrationsRoute from "@/app/api/v1/projects/[key]/integrations/route";
import * as dodRoute from "@/app/api/v1/projects/[key]/dod/route";
import { currentDatabase } from "@/lib/server/database";
import { call, tokenFor } from "@/lib/server/testing/http";
import { drainWebhookQueue } from "@/lib/server/webhook-queue";
import { makeWorld } from "@/prisma/factories";
import { FIXTURES_DIR, sendSigned } from "./webhooks-support";

const fixtureBody = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, "github", `${name}.json`), "utf8")).body;
let sequence = 0;
const next = () => 900_000 + ++sequence;
export const randomSha = () => randomUUID().replaceAll("-", "").padEnd(40, "0");

export async function makeDodWorld(projectKey: string) {
  const world = await makeWorld(projectKey);
  const tokens = {
    ADMIN: await tokenFor(world.users.ADMIN.id),
    PRODUCT_OWNER: await tokenFor(world.users.PRODUCT_OWNER.id),
    MEMBER: await tokenFor(world.users.MEMBER.id),
    VIEWER: await tokenFor(world.users.VIEWER.id),
  };
  const res = await call(integrationsRoute.POST, { method: "POST", params: { key: projectKey }, body: { provider: "github", name: "acme/shop", repository: "acme/shop" }, auth: { token: tokens.ADMIN } });
  if (res.status !== 201) throw new Error(`integration not created: ${res.status} ${JSON.stringify(res.json)}`);
  const integration = res.json as { id: string; secret: string };
  const columns = await currentDatabase().prisma.column.findMany({ where: { projectId: world.project.projectId }, orderBy: { rank: "asc" } });
  const column = (name: string) => columns.find((c) => c.name === name)!;
  return { ...world, tokens, integration, column };
}
export type DodWorld = Awaited<ReturnType<typeof makeDodWorld>>;

export async function defineDod(world: DodWorld, items: unknown[]) {
  const res = await call(dodRoute.PUT, { method: "PUT", params: { key: world.project.projectKey }, body: { items }, auth: { token: world.tokens.PRODUCT_OWNER } });
  if (res.status !== 200) throw new Error(`DoD not saved: ${res.status} ${JSON.stringify(res.json)}`);
}

async function send(world: DodWorld, event: string, body: unknown) {
  const res = await sendSigned("github", world.integration, event, body, randomUUID());
  if (res.status !== 202) throw new Error(`webhook refused: ${res.status} ${JSON.stringify(res.json)}`);
  await drainWebhookQueue();
}

/** An open pull request for `cardKey`, head `sha`. */
export function sendPullRequest(world: DodWorld, cardKey: string, number: number, sha: string) {
  const body = fixtureBody("pull_request.opened");
  Object.assign(body.pull_request, { number, title: `${cardKey}: work`, html_url: `https://github.com/acme/shop/pull/${number}` });
  Object.assign(body.pull_request.head, { ref: `feature/${cardKey}-work`, sha });
  body.number = number;
  return send(world, "pull_request", body);
}

/** A completed workflow run "ci" on `sha` (the card's branch); later `startedAt` supersedes earlier runs. */
export function sendRun(world: DodWorld, cardKey: string, sha: string, conclusion: "success" | "failure", startedAt: string) {
  const body = fixtureBody("workflow_run.completed-success");
  const id = next();
  Object.assign(body.workflow_run, { id, name: "ci", head_branch: `feature/${cardKey}-work`, head_sha: sha, conclusion, run_started_at: startedAt, updated_at: startedAt, html_url: `https://github.com/acme/shop/actions/runs/${id}`, pull_requests: [] });
  return send(world, "workflow_run", body);
}

/** A deployment of the card's branch to `environment` with the given state. */
export function sendDeployment(world: DodWorld, cardKey: string, environment: string, state: "success" | "failure", sha = randomSha()) {
  const body = fixtureBody("deployment_status.success-production");
  const id = next();
  Object.assign(body.deployment, { id, ref: `${cardKey}-release`, sha, environment });
  Object.assign(body.deployment_status, { id: next(), state, environment, updated_at: new Date().toISOString(), created_at: new Date().toISOString() });
  return send(world, "deployment_status", body);
}
