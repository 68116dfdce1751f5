import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject, makeWorld } from "@/prisma/factories";
import type { ProjectAccess } from "@/lib/server/authz";
import { createImport, runImport, type ImportRequest } from "@/lib/server/services/imports";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

const fixtures = path.resolve(import.meta.dirname, "../../../shared/fixtures/imports");
const read = (file: string) => readFileSync(path.join(fixtures, file), "utf8");

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;
let projects = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("IMPA");
});
afterAll(() => database.dispose());

async function freshProject(): Promise<ProjectAccess> {
  return makeProject(world.users.OWNER.actor, { teamId: world.team.id, key: `IMP${String.fromCharCode(66 + projects++)}` });
}

async function importInto(project: ProjectAccess, request: Omit<ImportRequest, "dryRun">) {
  const run = await createImport(project, world.users.ADMIN.id, { ...request, dryRun: false });
  expect(run.status).toBe("queued");
  await runImport(run.id);
  const stored = await database.prisma.importRun.findUniqueOrThrow({ where: { id: run.id } });
  expect(stored).toMatchObject({ status: "SUCCEEDED", error: null });
  expect(await database.prisma.importFileChunk.count({ where: { runId: run.id } })).toBe(0);
  return stored;
}

const board = (projectId: string) =>
  database.prisma.column.findMany({
    where: { projectId },
    orderBy: { rank: "asc" },
    select: { name: true, category: true, cards: { orderBy: { boardRank: "asc" }, select: { id: true, title: true, labels: true, key: true, sourceId: true } } },
  });

describe("importing the fixtures", () => {
  it("Trello minimal board: its one list maps onto “To do”, one card, no moves", async () => {
    const project = await freshProject();
    await importInto(project, { source: "trello", file: read("trello/deck-testboard-anonymized-minimal.json") });
    const columns = await board(project.projectId);
    expect(columns.map((column) => [column.name, column.cards.length])).toEqual([["To do", 1], ["In progress", 0], ["Review", 0], ["Done", 0]]);
    const card = columns[0]!.cards[0]!;
    expect(card).toMatchObject({ title: "Name Card 7", labels: [], key: `${project.projectKey}-1`, sourceId: "trello:hashcard7" });
    const events = await database.prisma.cardEvent.findMany({ where: { cardId: card.id } });
    expect(events.map((event) => [event.type, event.imported])).toEqual([["CREATED", true]]);
  });

  it("Trello editorial board: 155 cards in 8 new columns in board order, labels applied, no history; a re-import duplicates nothing", async () => {
    const project = await freshProject();
    const text = read("trello/blog-post-ideas-board-2017.json");
    const first = await importInto(project, { source: "trello", file: text });
    expect(first.summary).toMatchObject({ columnsCreated: 8, cardsCreated: 155, cardsUpdated: 0, events: 0, comments: 0, checklistItems: 0 });
    const columns = (await board(project.projectId)).slice(4);
    expect(columns.map((column) => [column.name, column.cards.length])).toEqual([
      ["Social Media Blog ideas", 83],
      ["Open Blog ideas", 55],
      ["Guest Posts", 1],
      ["Team posts for Open/Overflow synd", 2],
      ["Social: Aug 3 - 7", 5],
      ["Social: Aug 10 - 14", 3],
      ["Social: Aug 17 - 21", 6],
      ["Social: Aug 24 - 28", 0],
    ]);
    const labels = columns.flatMap((column) => column.cards.flatMap((card) => card.labels));
    expect(labels).toHaveLength(20);
    expect(labels.filter((label) => label === "In Progress")).toHaveLength(13);
    expect(await database.prisma.cardEvent.count({ where: { projectId: project.projectId } })).toBe(0);

    const again = await importInto(project, { source: "trello", file: text });
    expect(again.summary).toMatchObject({ columnsCreated: 0, cardsCreated: 0, cardsUpdated: 155 });
    expect(await database.prisma.card.count({ where: { projectId: project.projectId } })).toBe(155);
    expect(await database.prisma.column.count({ where: { projectId: project.projectId } })).toBe(12);
    const afterColumns = (await board(project.projectId)).slice(4);
    expect(afterColumns.map((column) => column.cards.map((card) => card.key))).toEqual(columns.map((column) => column.cards.map((card) => card.key)));
  });

  it("Jira issue with changelog: 4 moves at their original instants, flagged imported with the author's name, 2 comments", async () => {
    const project = await freshProject();
    await importInto(project, { source: "jira-json", file: read("jira/indeed-engplans-10-rest-issue-with-changelog.json") });
    const card = await database.prisma.card.findFirstOrThrow({ where: { projectId: project.projectId }, include: { column: true, comments: { orderBy: { at: "asc" } } } });
    expect(card).toMatchObject({ title: "Upgrade Ivy from 2.0.0-beta2 to 2.0.0", priority: "LOW", labels: ["Eng"], column: { name: "Closed", category: "DONE" } });
    expect(card.completedAt?.toISOString()).toBe("2009-02-13T00:48:50.000Z");
    expect(card.createdAt.toISOString()).toBe("2009-02-12T23:40:27.000Z");
    expect(card.comments.map((comment) => [comment.authorName, comment.at.toISOString()])).toEqual([
      ["C", "2010-03-22T19:07:43.000Z"],
      ["J", "2010-03-22T19:13:33.000Z"],
    ]);
    const moves = await database.prisma.cardEvent.findMany({ where: { cardId: card.id, type: "MOVED" }, orderBy: { at: "asc" } });
    expect(moves.map((move) => move.at.toISOString())).toEqual(["2009-02-13T00:48:32.000Z", "2009-02-13T00:48:50.000Z", "2010-03-22T19:07:43.000Z", "2010-03-22T19:13:33.000Z"]);
    expect(moves.every((move) => move.imported && (move.data as { actor: string }).actor)).toBe(true);
    expect(card.columnEnteredAt.toISOString()).toBe("2010-03-22T19:13:33.000Z");
    const names = new Map((await database.prisma.column.findMany({ where: { projectId: project.projectId } })).map((column) => [column.id, column.name]));
    expect(names.get(moves[2]!.fromColumnId!)).toBe("Pending Verification");
    expect(names.get(moves[2]!.toColumnId!)).toBe("Pending Closure");
  });
});

describe("import behaviour", () => {
  const trello = {
    name: "Flow",
    lists: [
      { id: "l1", name: "Backlog", pos: 1 },
      { id: "l2", name: "Doing", pos: 2 },
      { id: "l3", name: "Shipped", pos: 3 },
    ],
    members: [],
    labels: [],
    cards: [{ id: "c1", name: "Ship", idList: "l3", pos: 1, idLabels: [] }],
    checklists: [{ id: "k1", idCard: "c1", name: "DoD", pos: 1, checkItems: [{ name: "tested", state: "complete", pos: 1 }, { name: "documented", state: "incomplete", pos: 2 }] }],
    actions: [
      { id: "a3", type: "updateCard", date: "2024-02-03T10:00:00.000Z", data: { card: { id: "c1" }, listBefore: { id: "l2" }, listAfter: { id: "l3" } }, memberCreator: { fullName: "Ada" } },
      { id: "a2", type: "updateCard", date: "2024-02-01T10:00:00.000Z", data: { card: { id: "c1" }, listBefore: { id: "l1" }, listAfter: { id: "l2" } }, memberCreator: { fullName: "Ada" } },
      { id: "a1", type: "createCard", date: "2024-01-30T10:00:00.000Z", data: { card: { id: "c1" }, list: { id: "l1" } }, memberCreator: { fullName: "Ada" } },
    ],
  };

  it("a finished run refreshes the planner's statistics of the tables it filled (the embedded database never autovacuums)", async () => {
    const [{ now }] = await database.prisma.$queryRaw<[{ now: Date }]>`SELECT clock_timestamp() AS now`;
    const analyzedSince = (since: Date) =>
      database.prisma.$queryRaw<Array<{ relname: string }>>`SELECT relname FROM pg_stat_user_tables WHERE last_analyze >= ${since} AND relname IN ('Card', 'CardEvent', 'CardColumnEntry', 'ColumnDayFlow', 'CardComment', 'ChecklistItem') ORDER BY relname`;
    expect(await analyzedSince(now)).toEqual([]);
    await importInto(await freshProject(), { source: "trello", file: JSON.stringify(trello) });
    expect((await analyzedSince(now)).map((row) => row.relname)).toEqual(["Card", "CardColumnEntry", "CardComment", "CardEvent", "ChecklistItem", "ColumnDayFlow"]);
  });

  it("a dry run previews counts and the editable column plan and writes no card; the mapping is then followed", async () => {
    const project = await freshProject();
    const text = JSON.stringify(trello);
    const dry = await createImport(project, world.users.ADMIN.id, { source: "trello", file: text, dryRun: true });
    expect(dry.status).toBe("succeeded");
    expect(dry.preview).toMatchObject({ counts: { cards: 1, columns: 3, moves: 2, events: 3, checklistItems: 2 } });
    expect(dry.preview!.plan.map((entry) => entry.name)).toEqual(["Backlog", "Doing", "Shipped"]);
    expect(await database.prisma.card.count({ where: { projectId: project.projectId } })).toBe(0);

    const columns = await database.prisma.column.findMany({ where: { projectId: project.projectId }, orderBy: { rank: "asc" } });
    const done = columns.find((column) => column.name === "Done")!;
    const inProgress = columns.find((column) => column.name === "In progress")!;
    await importInto(project, { source: "trello", file: text, mapping: { columns: { l3: { columnId: done.id }, l2: { columnId: inProgress.id }, l1: { name: "Ideas", category: "TODO" } } } });
    const card = await database.prisma.card.findFirstOrThrow({ where: { projectId: project.projectId }, include: { checklist: { orderBy: { position: "asc" } } } });
    expect(card.columnId).toBe(done.id);
    expect(card.completedAt?.toISOString()).toBe("2024-02-03T10:00:00.000Z");
    expect(card.checklist.map((item) => [item.text, item.done])).toEqual([["tested", true], ["documented", false]]);
    const events = await database.prisma.cardEvent.findMany({ where: { cardId: card.id }, orderBy: { at: "asc" } });
    const ideas = await database.prisma.column.findFirstOrThrow({ where: { projectId: project.projectId, name: "Ideas" } });
    expect(events.map((event) => [event.type, event.fromColumnId, event.toColumnId])).toEqual([
      ["CREATED", null, ideas.id],
      ["MOVED", ideas.id, inProgress.id],
      ["MOVED", inProgress.id, done.id],
    ]);
  });

  it("a Trello checklist becomes the project's Definition of Done: its items are criteria, each card's copy holds the ticks, and a re-import adds nothing", async () => {
    const project = await freshProject();
    const board = {
      ...trello,
      cards: [...trello.cards, { id: "c2", name: "Plan", idList: "l1", pos: 2, idLabels: [] }, { id: "c3", name: "Bare", idList: "l1", pos: 3, idLabels: [] }],
      checklists: [...trello.checklists, { id: "k2", idCard: "c2", name: "DoD", pos: 1, checkItems: [{ name: "tested", state: "incomplete", pos: 1 }] }, { id: "k3", idCard: "c2", name: "Notes", pos: 2, checkItems: [{ name: "ask Bo", state: "incomplete", pos: 1 }] }],
    };
    const text = JSON.stringify(board);
    const dry = await createImport(project, world.users.ADMIN.id, { source: "trello", file: text, dryRun: true });
    expect(dry.preview!.checklists).toEqual([{ name: "DoD", items: 2, cards: 2 }, { name: "Notes", items: 1, cards: 1 }]);
    await expect(createImport(project, world.users.ADMIN.id, { source: "trello", file: text, dryRun: false, mapping: { definitionOfDone: "Nope" } })).rejects.toMatchObject({ status: 422, code: "UNKNOWN_CHECKLIST" });

    await importInto(project, { source: "trello", file: text, mapping: { definitionOfDone: "DoD" } });
    const criteria = await database.prisma.checklistCriterion.findMany({ where: { projectId: project.projectId, list: "DOD" }, orderBy: { position: "asc" } });
    expect(criteria.map((criterion) => [criterion.text, criterion.kind])).toEqual([["tested", "manual"], ["documented", "manual"]]);
    const checklistOf = async (title: string) =>
      (await database.prisma.card.findFirstOrThrow({ where: { projectId: project.projectId, title }, include: { checklist: { orderBy: { position: "asc" } } } })).checklist.map((item) => [item.text, item.done, item.criterionId !== null]);
    expect(await checklistOf("Ship")).toEqual([["tested", true, true], ["documented", false, true]]);
    // A card's copy without an item still gets the missing criterion, like any card; other checklists stay the card's own.
    expect(await checklistOf("Plan")).toEqual([["tested", false, true], ["documented", false, true], ["ask Bo", false, false]]);
    expect(await checklistOf("Bare")).toEqual([["tested", false, true], ["documented", false, true]]);

    await importInto(project, { source: "trello", file: text, mapping: { definitionOfDone: "DoD" } });
    expect(await database.prisma.checklistCriterion.count({ where: { projectId: project.projectId } })).toBe(2);
    expect(await checklistOf("Ship")).toEqual([["tested", true, true], ["documented", false, true]]);
  });

  it("refuses an unreadable file before storing anything", async () => {
    const project = await freshProject();
    const runsBefore = await database.prisma.importRun.count();
    await expect(createImport(project, world.users.ADMIN.id, { source: "trello", file: JSON.stringify(trello).slice(0, 100), dryRun: false })).rejects.toMatchObject({ status: 422, code: "IMPORT_UNREADABLE" });
    await expect(createImport(project, world.users.ADMIN.id, { source: "jira-csv", file: "Summary,Priority\nx,High\n", dryRun: true })).rejects.toMatchObject({ status: 422, message: expect.stringContaining("Issue key") });
    expect(await database.prisma.importRun.count()).toBe(runsBefore);
    expect(await database.prisma.card.count({ where: { projectId: project.projectId } })).toBe(0);
  });
});
