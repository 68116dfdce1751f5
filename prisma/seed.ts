// Demo workspace: team Acme with one user per role, the Kanban project DEMO (about 40 varied cards
// and a few hours of CI/CD) and the Scrum project PAY (seven weeks of sprints, seed-scrum.ts).
// Idempotent: it does nothing when DEMO already exists. Dates follow `now`.
import { randomBytes } from "node:crypto";
import type { TeamRole } from "@/lib/domain/roles";
import { currentDatabase } from "@/lib/server/database";
import type { CreateCardInput } from "@/lib/validation/cards";
import { demoCalendar, happenedAt } from "./demo-clock";
import { makeCard, makeProject, makeTeam, makeUser } from "./factories";
import { seedDemoPipeline } from "./seed-pipeline";
import { seedScrumDemo } from "./seed-scrum";
import { SCRUM_PROJECT } from "./seed-scrum-story";

export const DEMO_USERS: Array<{ email: string; name: string; role: TeamRole }> = [
  { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" },
  { email: "po@example.com", name: "Priya Owner", role: "PRODUCT_OWNER" },
  { email: "dev@example.com", name: "Dev Patel", role: "MEMBER" },
  { email: "viewer@example.com", name: "Vic Viewer", role: "VIEWER" },
];

type DemoCard = Partial<CreateCardInput> & { title: string; column: number; assignee?: number; epic?: number };

const EPICS = ["Checkout revamp", "Search that finds things", "Observability"];

const CARDS: DemoCard[] = [
  { title: "Show shipping costs before the payment step", type: "story", priority: "high", estimate: 5, labels: ["checkout"], column: 1, assignee: 2, epic: 0 },
  { title: "Apple Pay button on the cart page", type: "story", priority: "medium", estimate: 8, labels: ["checkout", "payments"], column: 0, epic: 0 },
  { title: "Coupon code field rejects lowercase codes", type: "bug", priority: "urgent", estimate: 2, labels: ["checkout"], column: 1, assignee: 2, epic: 0 },
  { title: "Guest checkout without an account", type: "story", priority: "high", estimate: 13, labels: ["checkout"], column: 0, epic: 0 },
  { title: "Spike: which address autocomplete provider?", type: "spike", priority: "medium", estimate: 3, labels: ["checkout", "research"], column: 3, assignee: 1, epic: 0 },
  { title: "Order confirmation email shows wrong VAT", type: "bug", priority: "high", estimate: 3, labels: ["email"], column: 2, assignee: 2 },
  { title: "Typo-tolerant product search", type: "story", priority: "high", estimate: 8, labels: ["search"], column: 0, epic: 1 },
  { title: "Search results paginate past page 10", type: "bug", priority: "medium", estimate: 2, labels: ["search"], column: 3, assignee: 2, epic: 1 },
  { title: "Filters for size and colour", type: "story", priority: "medium", estimate: 5, labels: ["search"], column: 0, epic: 1 },
  { title: "Index product variants nightly", type: "task", priority: "low", estimate: 3, labels: ["search", "infra"], column: 0, assignee: 0, epic: 1 },
  { title: "Synonyms: 'sneakers' finds 'trainers'", type: "story", priority: "low", estimate: 3, labels: ["search"], column: 0, epic: 1 },
  { title: "Structured JSON logs in every service", type: "task", priority: "medium", estimate: 3, labels: ["infra"], column: 3, assignee: 0, epic: 2 },
  { title: "Alert when checkout error rate > 2%", type: "story", priority: "high", estimate: 5, labels: ["infra", "checkout"], column: 2, assignee: 0, epic: 2 },
  { title: "Dashboard for deployment frequency", type: "story", priority: "medium", estimate: 5, labels: ["infra"], column: 0, epic: 2 },
  { title: "Trace IDs propagate to the payment provider", type: "task", priority: "medium", estimate: 2, labels: ["infra", "payments"], column: 1, assignee: 2, epic: 2, blockedReason: "Waiting for the provider's sandbox keys" },
  { title: "Product page loads hero image lazily", type: "task", priority: "medium", estimate: 2, labels: ["performance"], column: 3, assignee: 2 },
  { title: "Wishlist survives sign-in", type: "bug", priority: "medium", estimate: 3, labels: ["account"], column: 0 },
  { title: "Password reset link expires too soon", type: "bug", priority: "high", estimate: 1, labels: ["account"], column: 0, assignee: 2 },
  { title: "Two-factor sign-in for staff accounts", type: "story", priority: "high", estimate: 8, labels: ["account", "security"], column: 0 },
  { title: "Rate-limit the login endpoint", type: "task", priority: "urgent", estimate: 2, labels: ["security"], column: 3, assignee: 0 },
  { title: "Upgrade the image CDN client", type: "task", priority: "low", estimate: 1, labels: ["infra"], column: 0 },
  { title: "Stock count is off by one after returns", type: "bug", priority: "high", estimate: 3, labels: ["inventory"], column: 1, assignee: 1 },
  { title: "Back-in-stock notifications", type: "story", priority: "medium", estimate: 5, labels: ["inventory", "email"], column: 0 },
  { title: "Spike: split the monolith's order module?", type: "spike", priority: "low", estimate: 5, labels: ["research"], column: 0 },
  { title: "Gift cards can be combined with coupons", type: "story", priority: "medium", estimate: 5, labels: ["checkout", "payments"], column: 0, epic: 0 },
  { title: "Accessible focus styles on the mega menu", type: "task", priority: "medium", estimate: 2, labels: ["a11y"], column: 0, assignee: 2 },
  { title: "Cart badge count lags after removing items", type: "bug", priority: "low", estimate: 1, labels: ["checkout"], column: 3, assignee: 2, epic: 0 },
  { title: "Returns portal: print a label", type: "story", priority: "medium", estimate: 8, labels: ["returns"], column: 0 },
  { title: "Dark mode for the storefront", type: "story", priority: "low", estimate: 5, labels: ["design"], column: 0 },
  { title: "Recommendations: 'bought together'", type: "story", priority: "low", estimate: 13, labels: ["search"], column: 0, epic: 1 },
  { title: "Feature flags for gradual rollouts", type: "task", priority: "high", estimate: 5, labels: ["infra"], column: 0, assignee: 0, epic: 2 },
  { title: "Remove the legacy jQuery checkout", type: "task", priority: "medium", estimate: 8, labels: ["checkout", "tech-debt"], column: 0, epic: 0 },
  { title: "Currency switcher keeps the cart", type: "bug", priority: "medium", estimate: 2, labels: ["checkout"], column: 0 },
  { title: "Sitemap includes discontinued products", type: "bug", priority: "low", estimate: 1, labels: ["seo"], column: 3, assignee: 1 },
  { title: "Review widget on the product page", type: "story", priority: "medium", estimate: 5, labels: ["design"], column: 0 },
];

function pick<T>(items: T[], index: number | undefined): T | undefined {
  return index === undefined ? undefined : items[index];
}

/** Seeds the demo workspace; returns false when it already exists (or the database is not empty). */
export async function seedDemo({ onlyIfEmpty, now = new Date() }: { onlyIfEmpty: boolean; now?: Date }): Promise<boolean> {
  const prisma = currentDatabase().prisma;
  if (await prisma.project.findUnique({ where: { key: "DEMO" }, select: { id: true } })) return false;
  if (onlyIfEmpty && (await prisma.user.count()) > 0) return false;

  const password = process.env.DEMO_PASSWORD || randomBytes(9).toString("base64url");
  const users = await Promise.all(DEMO_USERS.map((user) => makeUser({ ...user, password })));
  const team = await makeTeam("Acme", DEMO_USERS.map((user, i) => ({ userId: users[i]!.id, role: user.role })));
  const admin = { ...users[0]!.actor };
  const project = await makeProject(admin, { teamId: team.id, key: "DEMO", name: "Web shop" });
  const columns = await prisma.column.findMany({ where: { projectId: project.projectId }, orderBy: { rank: "asc" }, select: { id: true } });

  const epicKeys: string[] = [];
  for (const title of EPICS) epicKeys.push((await makeCard(project, users[1]!.id, { title, type: "epic", priority: "high", columnId: columns[0]!.id })).key);
  // Each card is dated some days back (1 to 19), so the board's work item ages differ.
  const day = demoCalendar(now);
  for (const [index, card] of CARDS.entries()) {
    const { column, assignee, epic, ...fields } = card;
    const author = users[(index % 3) as 0 | 1 | 2]!;
    await happenedAt(day(1 + ((index * 7) % 19), 9 + (index % 8)), () =>
      makeCard(project, author.id, {
        ...fields,
        description: `${fields.title}.\n\n**Acceptance**\n- works on mobile and desktop\n- covered by an end-to-end test`,
        assigneeId: pick(users, assignee)?.id ?? null,
        epicKey: pick(epicKeys, epic) ?? null,
        columnId: columns[column]!.id,
      }),
    );
  }

  await seedDemoPipeline(project.projectId, users[0]!.id);
  await seedScrumDemo(team.id, { admin: { id: users[0]!.id, role: "ADMIN" }, po: { id: users[1]!.id, role: "PRODUCT_OWNER" }, dev: { id: users[2]!.id, role: "MEMBER" } }, now);

  const line = "─".repeat(60);
  console.log(`\n${line}\n Demo workspace ready: team Acme, projects DEMO (Kanban, ${CARDS.length + EPICS.length} cards) and ${SCRUM_PROJECT.key} (Scrum, sprint history)\n`);
  for (const user of DEMO_USERS) console.log(`   ${user.email.padEnd(22)} ${user.role}`);
  console.log(process.env.DEMO_PASSWORD ? "\n Password: the value of DEMO_PASSWORD" : `\n Password for all four: ${password}\n (shown once; set DEMO_PASSWORD to choose it)`);
  console.log(`${line}\n`);
  return true;
}
