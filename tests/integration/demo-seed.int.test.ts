// The demo workspace's Scrum project (PAY): seven weeks of history played through the services and
// dated back, so a newcomer sees closed sprints with real numbers, Definition-of-Done items ticked
// by pipeline events, deployments and ages spread over days. The same "now" gives the same data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBoard } from "@/lib/server/queries/board";
import { getSprint, listSprints } from "@/lib/server/queries/sprints";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { seedDemo } from "@/prisma/seed";

// Integration secrets are encrypted under AUTH_SECRET, which the server resolves before seeding.
process.env.AUTH_SECRET ??= "demo-seed-test-secret";

const NOW = new Date("2026-03-04T12:30:00Z");
const DAY = 86_400_000;
let database: TestDatabase;

/** Everything the story wrote, without generated ids, in a stable order. */
async function snapshot() {
  const { prisma } = database;
  const project = await prisma.project.findUniqueOrThrow({ where: { key: "PAY" }, select: { id: true, createdAt: true, mode: true, readyEnabled: true } });
  const where = { projectId: project.id };
  const [cards, events, sprints, changes, items, runs, deployments, deliveries] = await Promise.all([
    prisma.card.findMany({ where, orderBy: { number: "asc" }, select: { key: true, title: true, estimate: true, columnEnteredAt: true, completedAt: true, createdAt: true, column: { select: { name: true } }, sprint: { select: { name: true } } } }),
    prisma.cardEvent.findMany({ where, orderBy: [{ at: "asc" }, { type: "asc" }, { card: { number: "asc" } }], select: { type: true, at: true, card: { select: { key: true } } } }),
    prisma.sprint.findMany({ where, orderBy: { name: "asc" }, omit: { id: true, projectId: true } }),
    prisma.sprintScopeChange.findMany({ where: { sprint: where }, orderBy: [{ at: "asc" }, { kind: "asc" }, { card: { number: "asc" } }], select: { kind: true, points: true, previousPoints: true, at: true, card: { select: { key: true } }, sprint: { select: { name: true } } } }),
    prisma.checklistItem.findMany({ where: { card: where }, orderBy: [{ card: { number: "asc" } }, { list: "asc" }, { position: "asc" }], select: { list: true, text: true, done: true, doneBy: true, doneAt: true } }),
    prisma.pipelineRun.findMany({ where, orderBy: { externalId: "asc" }, select: { externalId: true, status: true, branch: true, sha: true, startedAt: true, completedAt: true } }),
    prisma.deployment.findMany({ where, orderBy: { externalId: "asc" }, select: { externalId: true, environment: true, status: true, sha: true, at: true } }),
    prisma.webhookDelivery.findMany({ where: { integration: where }, orderBy: [{ receivedAt: "asc" }, { body: "asc" }], select: { event: true, status: true, receivedAt: true, body: true } }),
  ]);
  return { project: { createdAt: project.createdAt, mode: project.mode, readyEnabled: project.readyEnabled }, cards, events, sprints, changes, items, runs, deployments, deliveries };
}

let first: Awaited<ReturnType<typeof snapshot>>;
let access: { projectId: string; projectKey: string; teamId: string; role: "PRODUCT_OWNER" };

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo({ onlyIfEmpty: false, now: NOW });
  first = await snapshot();
  const project = await database.prisma.project.findUniqueOrThrow({ where: { key: "PAY" }, select: { id: true, teamId: true } });
  access = { projectId: project.id, projectKey: "PAY", teamId: project.teamId, role: "PRODUCT_OWNER" };
}, 300_000);
afterAll(() => database.dispose());

describe("demo Scrum project", () => {
  it("sits beside the Kanban project with Definitions of Done (manual and automatic) and of Ready", async () => {
    expect(await database.prisma.project.count({ where: { key: "DEMO", mode: "KANBAN" } })).toBe(1);
    expect(first.project).toMatchObject({ mode: "SCRUM", readyEnabled: true });
    const criteria = await database.prisma.checklistCriterion.findMany({ where: { projectId: access.projectId }, select: { list: true, kind: true } });
    expect(new Set(criteria.map((c) => `${c.list}:${c.kind}`))).toEqual(new Set(["DOD:manual", "DOD:auto", "DOR:manual"]));
  });

  it("has three closed sprints over the past weeks whose reports add up, one running over capacity and one planned", async () => {
    const sprints = await listSprints(access);
    expect(sprints.map((s) => [s.name, s.state])).toEqual([["Sprint 4", "active"], ["Sprint 5", "planned"], ["Sprint 3", "closed"], ["Sprint 2", "closed"], ["Sprint 1", "closed"]]);
    const closed = sprints.filter((s) => s.state === "closed").reverse();
    expect(closed.map((s) => [s.committedPoints, s.completedPoints])).toEqual([[19, 11], [18, 21], [18, 12]]);
    const closedDaysAgo = closed.map((s) => (NOW.getTime() - Date.parse(s.completedAt!)) / DAY);
    expect(closedDaysAgo.map(Math.floor)).toEqual([33, 19, 5]);
    for (const sprint of closed) {
      const report = await getSprint(access, sprint.id);
      expect(report.summary).toMatchObject({ completedPoints: sprint.completedPoints });
      const outcome = report.scopeChanges.filter((c) => c.kind === "COMPLETED" || c.kind === "ROLLED_OVER");
      expect(outcome.filter((c) => c.kind === "COMPLETED").reduce((sum, c) => sum + (c.points ?? 0), 0)).toBe(sprint.completedPoints);
    }
    const kinds = new Set(first.changes.map((c) => c.kind));
    expect(kinds).toEqual(new Set(["COMMITTED", "ADDED", "REMOVED", "ESTIMATE_CHANGED", "COMPLETED", "ROLLED_OVER"]));
    expect(first.changes.find((c) => c.kind === "ESTIMATE_CHANGED")).toMatchObject({ points: 8, previousPoints: 5, sprint: { name: "Sprint 2" } });
    const active = sprints[0]!;
    expect(active.committedPoints).toBeGreaterThan(active.capacity!);
    expect(first.events.some((e) => e.type === "DOR_OVERRIDE")).toBe(true);
  });

  it("ticks automatic Definition-of-Done items from pipeline events, at the time of the delivery", async () => {
    const autoTicked = await database.prisma.checklistItem.findMany({
      where: { card: { projectId: access.projectId, column: { category: "DONE" } }, list: "DOD", kind: "auto" },
      select: { done: true, doneBy: true, doneAt: true, source: true, card: { select: { key: true } } },
    });
    expect(autoTicked.length).toBeGreaterThanOrEqual(3 * 10);
    for (const item of autoTicked) expect(item).toMatchObject({ done: true, doneBy: "automation", source: expect.anything() });
    const deliveryTimes = new Set(first.deliveries.map((d) => d.receivedAt.getTime()));
    for (const item of autoTicked) expect(deliveryTimes).toContain(item.doneAt!.getTime());
    expect(first.deliveries.every((d) => d.status === "processed")).toBe(true);
    expect(new Set(first.deployments.map((d) => `${d.environment}:${d.status}`))).toEqual(new Set(["staging:success", "production:success"]));
    expect(new Set(first.runs.map((r) => r.status))).toEqual(new Set(["success", "failure", "running"]));
  });

  it("spreads history over seven weeks, so card ages on the board differ", async () => {
    const times = first.events.map((e) => e.at.getTime());
    expect((NOW.getTime() - Math.min(...times)) / DAY).toBeGreaterThan(45);
    expect(Math.max(...times)).toBeLessThan(NOW.getTime());
    const board = await getBoard(access);
    // Work item ages of the started, unfinished cards: three of the sprint's five (one finished, one not started).
    const ages = board.columns.flatMap((column) => column.cards.flatMap((card) => (card.workItemAge === null ? [] : [card.workItemAge])));
    expect(ages.length).toBe(3);
    expect(new Set(ages).size).toBe(3);
    expect(Math.max(...ages) - Math.min(...ages)).toBeGreaterThanOrEqual(7);
  });

  it("dates the Kanban project's cards too, so their work item ages differ", async () => {
    const demo = await database.prisma.project.findUniqueOrThrow({ where: { key: "DEMO" }, select: { id: true, teamId: true } });
    const board = await getBoard({ projectId: demo.id, projectKey: "DEMO", teamId: demo.teamId, role: "PRODUCT_OWNER" });
    // The six cards in In progress and Review, created there 1 to 17 days before now.
    const ages = board.columns.flatMap((column) => column.cards.flatMap((card) => (card.workItemAge === null ? [] : [card.workItemAge])));
    expect(ages.length).toBe(6);
    expect(new Set(ages).size).toBeGreaterThanOrEqual(4);
  });

  it("is the same story when seeded again with the same now", async () => {
    await database.dispose();
    database = await openTestDatabase();
    await seedDemo({ onlyIfEmpty: false, now: NOW });
    expect(await snapshot()).toEqual(first);
  }, 300_000);
});
