// The demo pipeline history: a newcomer's DEMO board has badges and Development panels at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardPipeline } from "@/lib/server/queries/pipeline";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { seedDemo } from "@/prisma/seed";
import { seedDemoPipeline } from "@/prisma/seed-pipeline";
import { boardPipelineStatuses } from "./webhooks-support";

// Integration secrets are encrypted under AUTH_SECRET, which the server resolves before seeding.
process.env.AUTH_SECRET ??= "pipeline-seed-test-secret";

let database: TestDatabase;
let projectId: string;
let teamId: string;
let adminId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo({ onlyIfEmpty: false });
  ({ id: projectId, teamId } = await database.prisma.project.findUniqueOrThrow({ where: { key: "DEMO" } }));
  adminId = (await database.prisma.user.findUniqueOrThrow({ where: { email: "admin@example.com" } })).id;
  await seedDemoPipeline(projectId, adminId);
}, 300_000); // the whole demo workspace, Scrum history included
afterAll(() => database.dispose());

const cardByTitle = (title: string) => database.prisma.card.findFirstOrThrow({ where: { projectId, title }, select: { id: true, key: true } });

describe("demo pipeline history", () => {
  it("processes every demo delivery and shows green, red and running cards", async () => {
    expect(await database.prisma.webhookDelivery.count({ where: { status: { not: "processed" } } })).toBe(0);
    const titles = ["Show shipping costs before the payment step", "Coupon code field rejects lowercase codes", "Alert when checkout error rate > 2%", "Typo-tolerant product search"];
    const cards = await Promise.all(titles.map(cardByTitle));
    const statuses = await boardPipelineStatuses({ projectId, projectKey: "DEMO", teamId, role: "ADMIN" });
    expect(cards.map((card) => statuses[card.key])).toEqual(["success", "failure", "running", null]);
  });

  it("gives a card a pull request, jobs by stage and deployments per environment", async () => {
    const vat = await cardPipeline((await cardByTitle("Order confirmation email shows wrong VAT")).id);
    expect(vat.pullRequests).toEqual([expect.objectContaining({ number: 40, merged: true, state: "merged" })]);
    expect(vat.runs[0]!.jobs.map((job) => [job.name, job.stage, job.status])).toEqual([["build", "build", "success"], ["lint", "test", "success"], ["test", "test", "success"]]);
    expect(vat.deployments.map((d) => [d.environment, d.status]).sort()).toEqual([["production", "success"], ["staging", "success"]]);
  });

  it("does nothing the second time", async () => {
    const before = await database.prisma.webhookDelivery.count();
    await seedDemoPipeline(projectId, adminId);
    expect(await database.prisma.webhookDelivery.count()).toBe(before);
    expect(await database.prisma.integration.count({ where: { projectId } })).toBe(1);
  });
});
