// Shared set-up for the webhook/pipeline integration tests: the board the shared fixtures assume
// (project DEMO, cards DEMO-1 … DEMO-99, three mapped sources), and senders that sign deliveries
// the way each provider does.
import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as webhookRoute from "@/app/api/webhooks/[provider]/[integrationId]/route";
import * as integrationsRoute from "@/app/api/v1/projects/[key]/integrations/route";
import { signCircleci, signGithub } from "@/lib/domain/pipeline/verify";
import type { Provider } from "@/lib/domain/pipeline/types";
import type { ProjectAccess } from "@/lib/server/authz";
import { currentDatabase } from "@/lib/server/database";
import { getBoard } from "@/lib/server/queries/board";
import { call, tokenFor } from "@/lib/server/testing/http";
import { ranksBetween } from "@/lib/domain/ranking";
import { makeWorld } from "@/prisma/factories";

// In CI the repository is cloned with shared/ beside it, as /work/main and /work/shared are here.
export const FIXTURES_DIR = path.resolve(process.cwd(), "../shared/fixtures/webhooks");

export interface Fixture {
  file: string;
  provider: Provider;
  event: string;
  headers: Record<string, string>;
  body: unknown;
  expect: {
    accepted?: boolean;
    ignored?: boolean;
    duplicate?: boolean;
    linkedCards: string[];
    pipeline: string | null;
    job: string | null;
    stage: string | null;
    status: string | null;
    environment: string | null;
    runUrl: string | null;
    prUrl: string | null;
    merged: boolean | null;
  };
}

export function loadFixtures(): Fixture[] {
  return fs
    .readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      fs
        .readdirSync(path.join(FIXTURES_DIR, dir.name))
        .filter((name) => name.endsWith(".json"))
        .sort()
        .map((name) => ({ ...JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, dir.name, name), "utf8")), file: `${dir.name}/${name}` }) as Fixture),
    );
}

export type Integrations = Record<Provider, { id: string; secret: string; webhookUrl: string }>;

/**
 * Cards KEY-1 … KEY-count in the first column, inserted in one statement: these tests need cards to
 * exist, not the card service's bookkeeping (tests/integration/cards covers that).
 */
async function insertCards(projectId: string, projectKey: string, count: number) {
  const prisma = currentDatabase().prisma;
  const column = await prisma.column.findFirstOrThrow({ where: { projectId }, orderBy: { rank: "asc" }, select: { id: true } });
  const ranks = ranksBetween(null, null, count);
  await prisma.card.createMany({
    data: ranks.map((rank, i) => ({ projectId, number: i + 1, key: `${projectKey}-${i + 1}`, title: `Card ${i + 1}`, columnId: column.id, boardRank: rank, rank })),
  });
  await prisma.project.update({ where: { id: projectId }, data: { nextCardNumber: count + 1 } });
}

/** Project DEMO with DEMO-1 … DEMO-99 and one integration per provider, mapped as the fixtures README says. */
export async function makePipelineWorld(cardCount = 99) {
  const world = await makeWorld("DEMO");
  await insertCards(world.project.projectId, "DEMO", cardCount);
  const adminToken = await tokenFor(world.users.ADMIN.id);
  const create = async (provider: Provider, repository?: string) => {
    const res = await call(integrationsRoute.POST, {
      method: "POST",
      params: { key: "DEMO" },
      body: { provider, name: `${provider} acme/shop`, repository },
      auth: { token: adminToken },
    });
    if (res.status !== 201) throw new Error(`integration not created: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json as { id: string; secret: string; webhookUrl: string };
  };
  const integrations: Integrations = {
    github: await create("github", "acme/shop"),
    gitlab: await create("gitlab", "4242"),
    circleci: await create("circleci", "github/acme/shop"),
    generic: await create("generic", "acme/shop"),
  };
  return { ...world, adminToken, integrations };
}

/** Fills the README's placeholders: signatures over the exact body bytes, GitLab's token in plain. */
export function signHeaders(headers: Record<string, string>, secret: string, body: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      if (value === "<secret at send time>") return [name, secret];
      if (value !== "<computed at send time>") return [name, value];
      const lower = name.toLowerCase();
      if (lower === "circleci-signature") return [name, signCircleci(secret, body)];
      if (lower === "x-hub-signature") return [name, `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`];
      return [name, signGithub(secret, body)];
    }),
  );
}

/** POSTs raw bytes to the webhook route handler, as a provider would. */
export async function postWebhook(provider: string, integrationId: string, body: string, headers: Record<string, string>) {
  const req = new Request(`http://localhost/api/webhooks/${provider}/${integrationId}`, { method: "POST", headers, body });
  const res = await webhookRoute.POST(req, { params: Promise.resolve({ provider, integrationId }) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

export async function sendFixture(fixture: Fixture, integrations: Integrations, body: unknown = fixture.body) {
  const integration = integrations[fixture.provider];
  const bytes = JSON.stringify(body);
  return postWebhook(fixture.provider, integration.id, bytes, signHeaders(fixture.headers, integration.secret, bytes));
}

/** Sends a payload signed for its provider with the headers a provider would add. */
export async function sendSigned(provider: Provider, integration: { id: string; secret: string }, event: string, body: unknown, deliveryId: string) {
  const bytes = JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (provider === "github") Object.assign(headers, { "x-github-event": event, "x-github-delivery": deliveryId, "x-hub-signature-256": signGithub(integration.secret, bytes) });
  if (provider === "gitlab") Object.assign(headers, { "x-gitlab-event": event, "idempotency-key": deliveryId, "x-gitlab-token": integration.secret });
  if (provider === "circleci") Object.assign(headers, { "circleci-event-type": event, "circleci-signature": signCircleci(integration.secret, bytes) });
  if (provider === "generic") Object.assign(headers, { "x-shipboard-event": event, "x-shipboard-delivery": deliveryId, "x-shipboard-signature-256": signGithub(integration.secret, bytes) });
  return postWebhook(provider, integration.id, bytes, headers);
}

/** Removes every pipeline record of a project (deliveries stay, so repeats are still recognised). */
export async function clearPipelineRecords(projectId: string) {
  const prisma = currentDatabase().prisma;
  await prisma.$transaction([
    prisma.pullRequest.deleteMany({ where: { projectId } }),
    prisma.pipelineRun.deleteMany({ where: { projectId } }),
    prisma.deployment.deleteMany({ where: { projectId } }),
    prisma.cardCommit.deleteMany({ where: { projectId } }),
  ]);
}

/** Keys of the project's cards that any pipeline record or commit links, sorted by number. */
export async function linkedCardKeys(projectId: string): Promise<string[]> {
  const cards = await currentDatabase().prisma.card.findMany({
    where: { projectId, OR: [{ runs: { some: {} } }, { pullRequests: { some: {} } }, { deployments: { some: {} } }, { commits: { some: {} } }] },
    orderBy: { number: "asc" },
    select: { key: true },
  });
  return cards.map((card) => card.key);
}

/** The pipeline badge status of each card on the (kanban) board, by card key; null without one. */
export async function boardPipelineStatuses(access: ProjectAccess): Promise<Record<string, string | null>> {
  const board = await getBoard(access);
  return Object.fromEntries(board.columns.flatMap((column) => column.cards).map((card) => [card.key, card.pipeline?.status ?? null]));
}
