import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCard, makeProject } from "@/prisma/factories";
import { seedDemo } from "@/prisma/seed";
import type { ProjectAccess } from "@/lib/server/authz";
import { exportProjectCsv, exportProjectJson } from "@/lib/server/services/export";
import { createImport, runImport } from "@/lib/server/services/imports";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

// The demo's integrations are encrypted under AUTH_SECRET, which the server resolves before seeding.
process.env.AUTH_SECRET ??= "export-test-secret";

let database: TestDatabase;
let demo: ProjectAccess;
let adminId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const log = console.log;
  console.log = () => {};
  await seedDemo({ onlyIfEmpty: false });
  console.log = log;
  const project = await database.prisma.project.findUniqueOrThrow({ where: { key: "DEMO" } });
  const owner = await database.prisma.membership.findFirstOrThrow({ where: { teamId: project.teamId, role: { in: ["OWNER", "ADMIN"] } } });
  adminId = owner.userId;
  demo = { projectId: project.id, projectKey: "DEMO", teamId: project.teamId, role: "OWNER" };
}, 300_000);
afterAll(() => database.dispose());

async function collect(stream: AsyncGenerator<string>) {
  let text = "";
  for await (const chunk of stream) text += chunk;
  return text;
}

/** The export with its ids replaced by their places and card keys left out. */
type Listed = Array<{ id: string }>;
function withoutIds(file: { columns: Listed; sprints: Listed; cards: Array<{ id: string; key?: string }>; boardPositions: Record<string, number>; integrations: Listed; pipeline: Record<string, Listed> }) {
  const names = new Map<string, string>();
  file.columns.forEach((column, i) => names.set(column.id, `column ${i}`));
  file.sprints.forEach((sprint, i) => names.set(sprint.id, `sprint ${i}`));
  file.cards.forEach((card, i) => names.set(card.id, `card ${i}`));
  file.integrations.forEach((integration, i) => names.set(integration.id, `integration ${i}`));
  for (const [kind, records] of Object.entries(file.pipeline)) records.forEach((record, i) => names.set(record.id, `${kind} ${i}`));
  const rename = (value: unknown): unknown => {
    if (typeof value === "string") return names.get(value) ?? value;
    if (Array.isArray(value)) return value.map(rename);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "key").map(([key, inner]) => [names.get(key) ?? key, rename(inner)]));
    return value;
  };
  return rename(file);
}

describe("Shipboard JSON export", () => {
  it("round trip: export the demo project, import it into a new project, export again: equal apart from ids and keys", { timeout: 300_000 }, async () => {
    const first = JSON.parse(await collect(exportProjectJson(demo)));
    expect(first).toMatchObject({ format: "shipboard-project", version: 1, project: { name: "Web shop" } });
    expect(first.cards.length).toBeGreaterThan(10);
    expect(first.cards.some((card: { events: unknown[] }) => card.events.length > 0)).toBe(true);
    expect(first.cards.some((card: { epicId: string | null }) => card.epicId)).toBe(true);
    // The demo's CI/CD history travels too: builds, pull requests and deployments tied to cards.
    expect(first.integrations.length).toBeGreaterThan(0);
    for (const kind of ["pullRequests", "runs", "deployments"]) expect(first.pipeline[kind].length, kind).toBeGreaterThan(0);
    expect(first.cards.some((card: { pipeline: { runs: string[]; deployments: string[] } }) => card.pipeline.runs.length && card.pipeline.deployments.length)).toBe(true);

    const copy = await makeProject({ userId: adminId, via: "session" }, { teamId: demo.teamId, key: "COPY", name: "Web shop" });
    const run = await createImport(copy, adminId, { source: "shipboard", file: JSON.stringify(first), dryRun: false });
    await runImport(run.id);
    expect(await database.prisma.importRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "SUCCEEDED" });

    const second = JSON.parse(await collect(exportProjectJson(copy)));
    expect(second.cards.map((card: { key: string }) => card.key)[0]).toMatch(/^COPY-/);
    expect(withoutIds(second)).toEqual(withoutIds(first));
    expect(await database.prisma.cardRun.count({ where: { card: { projectId: copy.projectId } } })).toBe(await database.prisma.cardRun.count({ where: { card: { projectId: demo.projectId } } }));

    // Importing the same export again updates the restored records instead of adding copies.
    const again = await createImport(copy, adminId, { source: "shipboard", file: JSON.stringify(first), dryRun: false });
    await runImport(again.id);
    expect(withoutIds(JSON.parse(await collect(exportProjectJson(copy))))).toEqual(withoutIds(first));
  });

  it("refuses an export of an unknown version", async () => {
    const file = JSON.parse(await collect(exportProjectJson(demo)));
    await expect(createImport(demo, adminId, { source: "shipboard", file: JSON.stringify({ ...file, version: 99 }), dryRun: true })).rejects.toMatchObject({ status: 422, message: expect.stringContaining("version 99") });
  });
});

describe("flow CSV export", () => {
  it("has a date column per stage and escapes formula-like titles", async () => {
    await makeCard(demo, adminId, { title: "=HYPERLINK(\"http://evil\")" });
    const rows = parse(await collect(exportProjectCsv(demo))) as string[][];
    const [header, ...cards] = rows;
    expect(header).toEqual(["Key", "Title", "Type", "Priority", "Estimate", "Labels", "Column", "Created", "Completed", "To do", "In progress", "Review", "Done"]);
    expect(cards.length).toBe(await database.prisma.card.count({ where: { projectId: demo.projectId } }));
    const evil = cards.find((row) => row[1]!.includes("HYPERLINK"))!;
    expect(evil[1]).toBe("'=HYPERLINK(\"http://evil\")");
    expect(evil[9]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
