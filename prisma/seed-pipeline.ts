// Demo CI/CD history for the seeded DEMO project: a GitHub integration for acme/shop and a few
// days of GitHub-shaped deliveries (workflow runs and jobs, pull requests, deployments) stored and
// processed exactly as received webhooks are, so the board shows pipeline badges, cards have a
// Development panel and the integration has a delivery log. Idempotent.
import { randomUUID } from "node:crypto";
import { currentDatabase } from "@/lib/server/database";
import { createIntegration } from "@/lib/server/services/integrations";
import { drainWebhookQueue } from "@/lib/server/webhook-queue";

const REPOSITORY = { id: 4242001, full_name: "acme/shop", html_url: "https://github.com/acme/shop" };
const INTEGRATION_NAME = "GitHub acme/shop";
const HOUR = 3600_000;

type Delivery = { event: string; body: Record<string, unknown> };

const sha = (seed: string) => Array.from({ length: 40 }, (_, i) => "0123456789abcdef"[(seed.charCodeAt(i % seed.length) * (i + 7)) % 16]).join("");

/** The demo story of one card: a branch, its CI runs, maybe a pull request and deployments. */
interface Story {
  title: string;
  branch: string;
  runs: Array<{ conclusion: "success" | "failure" | null; failingJob?: string; hoursAgo: number }>;
  pullRequest?: { number: number; merged: boolean };
  deployments?: Array<"staging" | "production">;
}

function deliveriesFor(key: string, story: Story, index: number, now: number): Delivery[] {
  const deliveries: Delivery[] = [];
  const commit = sha(`${key}-${story.branch}`);
  const title = `${key}: ${story.title}`;
  story.runs.forEach((run, attempt) => {
    const runId = 9_100_000 + index * 10 + attempt;
    const started = new Date(now - run.hoursAgo * HOUR);
    const finished = new Date(started.getTime() + 6 * 60_000);
    const url = `https://github.com/acme/shop/actions/runs/${runId}`;
    const status = run.conclusion === null ? "in_progress" : "completed";
    deliveries.push({
      event: "workflow_run",
      body: {
        action: status === "completed" ? "completed" : "in_progress",
        repository: REPOSITORY,
        workflow: { name: "CI" },
        workflow_run: {
          id: runId, name: "CI", head_branch: story.branch, head_sha: commit, display_title: title, status, conclusion: run.conclusion,
          html_url: url, run_attempt: 1, run_started_at: started.toISOString(), created_at: started.toISOString(),
          updated_at: (run.conclusion === null ? started : finished).toISOString(), head_commit: { id: commit, message: title }, pull_requests: [],
        },
      },
    });
    ["build", "test", "lint"].forEach((job, jobIndex) => {
      const failed = run.failingJob === job;
      const done = run.conclusion !== null || job === "build";
      deliveries.push({
        event: "workflow_job",
        body: {
          action: done ? "completed" : "in_progress",
          repository: REPOSITORY,
          workflow_job: {
            id: runId * 10 + jobIndex, run_id: runId, run_attempt: 1, name: job, workflow_name: "CI", head_branch: story.branch, head_sha: commit,
            status: done ? "completed" : "in_progress", conclusion: done ? (failed ? "failure" : "success") : null,
            html_url: `${url}/job/${runId * 10 + jobIndex}`, created_at: started.toISOString(), started_at: started.toISOString(),
            completed_at: done ? finished.toISOString() : null,
          },
        },
      });
    });
  });
  if (story.pullRequest) {
    const { number, merged } = story.pullRequest;
    deliveries.push({
      event: "pull_request",
      body: {
        action: merged ? "closed" : "opened",
        number,
        repository: REPOSITORY,
        pull_request: {
          number, title, state: merged ? "closed" : "open", merged, merged_at: merged ? new Date(now - 5 * HOUR).toISOString() : null,
          merge_commit_sha: merged ? commit : null, html_url: `https://github.com/acme/shop/pull/${number}`,
          updated_at: new Date(now - 5 * HOUR).toISOString(), head: { ref: story.branch, sha: commit },
        },
      },
    });
  }
  (story.deployments ?? []).forEach((environment, n) => {
    const at = new Date(now - (4 - n * 2) * HOUR).toISOString();
    const deployment = { id: 7_700_000 + index * 10 + n, sha: commit, ref: story.branch, environment, created_at: at, updated_at: at };
    deliveries.push({
      event: "deployment_status",
      body: {
        action: "created",
        repository: REPOSITORY,
        deployment,
        deployment_status: { state: "success", environment, target_url: `https://${environment === "production" ? "" : "staging."}shop.example.com`, created_at: at, updated_at: at },
      },
    });
  });
  return deliveries;
}

const STORIES: Story[] = [
  { title: "Show shipping costs before the payment step", branch: "feature/DEMO-4-shipping-costs", runs: [{ conclusion: "success", hoursAgo: 7 }], pullRequest: { number: 42, merged: false }, deployments: ["staging"] },
  { title: "Coupon code field rejects lowercase codes", branch: "fix/coupon-case", runs: [{ conclusion: "failure", failingJob: "test", hoursAgo: 3 }] },
  { title: "Order confirmation email shows wrong VAT", branch: "fix/vat-in-confirmation-mail", runs: [{ conclusion: "success", hoursAgo: 9 }], pullRequest: { number: 40, merged: true }, deployments: ["staging", "production"] },
  { title: "Structured JSON logs in every service", branch: "chore/json-logs", runs: [{ conclusion: "success", hoursAgo: 30 }], deployments: ["production"] },
  { title: "Alert when checkout error rate > 2%", branch: "feature/checkout-alerts", runs: [{ conclusion: null, hoursAgo: 0.1 }] },
];

/**
 * Gives the DEMO project a GitHub integration for acme/shop and pipeline history on a few cards
 * (found by title, so it follows the demo seed's card list). Does nothing when the integration
 * exists. Branches without a card key get it through the commit message (`DEMO-9: …`).
 */
export async function seedDemoPipeline(projectId: string, adminUserId: string): Promise<void> {
  const prisma = currentDatabase().prisma;
  if (await prisma.integration.findFirst({ where: { projectId, name: INTEGRATION_NAME }, select: { id: true } })) return;
  const project = await prisma.project.findUniqueOrThrow({ where: { id: projectId }, select: { key: true, teamId: true } });
  const admin = await prisma.membership.findUniqueOrThrow({ where: { teamId_userId: { teamId: project.teamId, userId: adminUserId } }, select: { role: true } });
  const access = { projectId, projectKey: project.key, teamId: project.teamId, role: admin.role };
  const integration = await createIntegration(access, { provider: "github", name: INTEGRATION_NAME, repository: "acme/shop" }, "http://localhost:3000");

  const cards = await prisma.card.findMany({ where: { projectId, title: { in: STORIES.map((s) => s.title) } }, select: { key: true, title: true } });
  const now = Date.now();
  const deliveries = STORIES.flatMap((story, index) => {
    const card = cards.find((c) => c.title === story.title);
    return card ? deliveriesFor(card.key, story, index, now) : [];
  });
  const received = now - deliveries.length * 1000;
  await prisma.webhookDelivery.createMany({
    data: deliveries.map((delivery, n) => {
      const deliveryId = randomUUID();
      return {
        integrationId: integration.id,
        deliveryKey: deliveryId,
        event: delivery.event,
        status: "pending",
        headers: { "content-type": "application/json", "user-agent": "GitHub-Hookshot/demo", "x-github-event": delivery.event, "x-github-delivery": deliveryId },
        body: JSON.stringify(delivery.body),
        receivedAt: new Date(received + n * 1000),
        nextAttemptAt: new Date(received + n * 1000),
      };
    }),
  });
  await drainWebhookQueue();
}
