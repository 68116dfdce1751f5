// Demo CI/CD history for the seeded DEMO project: a GitHub integration for acme/shop and a few
// hours of GitHub-shaped deliveries (workflow runs and jobs, pull requests, deployments), signed
// and received exactly as webhooks are, so the board shows pipeline badges, cards have a
// Development panel and the integration has a delivery log. Idempotent.
import { currentDatabase } from "@/lib/server/database";
import { createIntegration } from "@/lib/server/services/integrations";
import { ciRunDeliveries, deliverSigned, deploymentDelivery, pullRequestDelivery, sha, type Delivery } from "./demo-deliveries";

const REPOSITORY = { id: 4242001, full_name: "acme/shop", html_url: "https://github.com/acme/shop" };
const INTEGRATION_NAME = "GitHub acme/shop";
const HOUR = 3600_000;

/** The demo story of one card: a branch, its CI runs, maybe a pull request and deployments. */
interface Story {
  title: string;
  branch: string;
  runs: Array<{ conclusion: "success" | "failure" | null; failingJob?: "build" | "test" | "lint"; hoursAgo: number }>;
  pullRequest?: { number: number; merged: boolean };
  deployments?: Array<"staging" | "production">;
}

function deliveriesFor(key: string, story: Story, index: number, now: number): Delivery[] {
  const commit = sha(`${key}-${story.branch}`);
  const title = `${key}: ${story.title}`;
  const common = { repository: REPOSITORY, branch: story.branch, commit };
  return [
    ...story.runs.flatMap((run, attempt) =>
      ciRunDeliveries({ ...common, title, runId: 9_100_000 + index * 10 + attempt, startedAt: new Date(now - run.hoursAgo * HOUR), conclusion: run.conclusion, failingJob: run.failingJob }),
    ),
    ...(story.pullRequest ? [pullRequestDelivery({ ...common, ...story.pullRequest, title, at: new Date(now - 5 * HOUR) })] : []),
    ...(story.deployments ?? []).map((environment, n) => deploymentDelivery({ ...common, deploymentId: 7_700_000 + index * 10 + n, environment, at: new Date(now - (4 - n * 2) * HOUR) })),
  ];
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
  await deliverSigned(integration, deliveries);
}
