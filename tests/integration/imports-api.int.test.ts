import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/v1/imports/[id]/route";
import * as exportRoute from "@/app/api/v1/projects/[key]/export/route";
import * as importsRoute from "@/app/api/v1/projects/[key]/imports/route";
import * as projectsRoute from "@/app/api/v1/projects/route";
import { makeUser, makeTeam, makeWorld } from "@/prisma/factories";
import { wakeImportWorker } from "@/lib/server/import-queue";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

const trello = readFileSync(path.resolve(import.meta.dirname, "../../../shared/fixtures/imports/trello/blog-post-ideas-board-2017.json"), "utf8");

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;
let owner: string;
let member: string;
let outsider: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("IAPI");
  owner = await tokenFor(world.users.PRODUCT_OWNER.id);
  member = await tokenFor(world.users.MEMBER.id);
  const stranger = await makeUser({ email: "stranger@test.example" });
  await makeTeam("Other", [{ userId: stranger.id, role: "OWNER" }]);
  outsider = await tokenFor(stranger.id);
});
afterAll(() => database.dispose());

/** A multipart upload as a browser or `curl -F` sends it. */
async function upload(fields: Record<string, string>, file: string | null, token?: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file !== null) form.set("file", new Blob([file], { type: "application/json" }), "board.json");
  const headers = new Headers(token ? { authorization: `Bearer ${token}` } : {});
  const res = await importsRoute.POST(new Request("http://localhost/api/v1/projects/IAPI/imports", { method: "POST", headers, body: form }), { params: Promise.resolve({ key: "IAPI" }) });
  return { status: res.status, json: await res.json() };
}

const counts = async () => ({ runs: await database.prisma.importRun.count(), cards: await database.prisma.card.count({ where: { projectId: world.project.projectId } }) });

describe("POST /projects/{key}/imports", () => {
  it("a dry run answers the preview and writes no card", async () => {
    const res = await upload({ source: "trello", dryRun: "true" }, trello, owner);
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ status: "succeeded", preview: { counts: { cards: 155, columns: 8 } } });
    expect((await counts()).cards).toBe(0);
  });

  it("a run is queued, done in the background, and reported by GET /imports/{id}", async () => {
    const res = await upload({ source: "trello", dryRun: "false", mapping: JSON.stringify({ columns: {} }) }, trello, owner);
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ status: "queued" });
    await wakeImportWorker();
    const got = await call(importRoute.GET, { params: { id: res.json.id }, auth: { token: owner } });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ status: "succeeded", progress: 100, summary: { cardsCreated: 155 } });
    expect((await counts()).cards).toBe(155);
  });

  it("takes up again a run whose server stopped mid-way (lease expired), and leaves one with a live lease alone", async () => {
    const board = JSON.stringify({ name: "Crash", lists: [{ id: "cl", name: "Crash list", pos: 1 }], cards: [{ id: "cc", name: "Survivor", idList: "cl", pos: 1 }], actions: [] });
    const stale = await database.prisma.importRun.create({
      data: { projectId: world.project.projectId, source: "trello", status: "RUNNING", fileChunks: { create: { seq: 0, text: board } }, total: 1, attempts: 1, lockedUntil: new Date(Date.now() - 1000), createdById: world.users.PRODUCT_OWNER.id },
    });
    const live = await database.prisma.importRun.create({
      data: { projectId: world.project.projectId, source: "trello", status: "RUNNING", fileChunks: { create: { seq: 0, text: board } }, total: 1, attempts: 1, lockedUntil: new Date(Date.now() + 600_000) },
    });
    await wakeImportWorker();
    expect(await database.prisma.importRun.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    expect(await database.prisma.importFileChunk.count({ where: { runId: stale.id } })).toBe(0);
    expect(await database.prisma.importRun.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ status: "RUNNING", attempts: 1 });
    expect(await database.prisma.card.count({ where: { projectId: world.project.projectId, title: "Survivor" } })).toBe(1);
    await database.prisma.importRun.delete({ where: { id: live.id } });
    await database.prisma.card.deleteMany({ where: { projectId: world.project.projectId, title: "Survivor" } });
  });

  it("refuses bad input with 400/422 and stores nothing", async () => {
    const before = await counts();
    const truncated = await upload({ source: "trello", dryRun: "false" }, trello.slice(0, 2000), owner);
    expect(truncated.status).toBe(422);
    expect(truncated.json.error.message).toMatch(/incomplete or damaged/);
    expect((await upload({ source: "asana" }, trello, owner)).status).toBe(422);
    expect((await upload({ source: "trello" }, null, owner)).status).toBe(422);
    const csv = await upload({ source: "jira-csv", dryRun: "false" }, "Summary,Priority\nx,High\n", owner);
    expect(csv.status).toBe(422);
    expect(csv.json.error.message).toMatch(/Issue key/);
    expect((await upload({ source: "trello", mapping: "{not json" }, trello, owner)).status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it("401 without credentials, 403 for a member, 404 for another team, nothing stored", async () => {
    const before = await counts();
    expect((await upload({ source: "trello" }, trello)).status).toBe(401);
    expect((await upload({ source: "trello" }, trello, member)).status).toBe(403);
    expect((await upload({ source: "trello" }, trello, outsider)).status).toBe(404);
    expect(await counts()).toEqual(before);
    const run = await database.prisma.importRun.findFirstOrThrow();
    expect((await call(importRoute.GET, { params: { id: run.id }, auth: { token: outsider } })).status).toBe(404);
    expect((await call(importRoute.GET, { params: { id: run.id }, auth: { token: member } })).status).toBe(403);
  });
});

describe("GET /projects/{key}/export", () => {
  it("streams Shipboard JSON or CSV to members; 401 and 404 otherwise", async () => {
    const json = await call(exportRoute.GET, { params: { key: "IAPI" }, path: "/api/v1/projects/IAPI/export?format=json", auth: { token: member } });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-disposition")).toContain("iapi.shipboard.json");
    expect(json.json).toMatchObject({ format: "shipboard-project", version: 1 });
    expect(json.json.cards).toHaveLength(155);
    const csv = await call(exportRoute.GET, { params: { key: "IAPI" }, path: "/api/v1/projects/IAPI/export?format=csv", auth: { token: member } });
    expect(csv.status).toBe(200);
    expect(String(csv.json).split("\r\n")[0]).toContain("Social Media Blog ideas");
    expect((await call(exportRoute.GET, { params: { key: "IAPI" }, path: "/api/v1/projects/IAPI/export?format=xml", auth: { token: member } })).status).toBe(422);
    expect((await call(exportRoute.GET, { params: { key: "IAPI" }, path: "/api/v1/projects/IAPI/export" })).status).toBe(401);
    expect((await call(exportRoute.GET, { params: { key: "IAPI" }, path: "/api/v1/projects/IAPI/export", auth: { token: outsider } })).status).toBe(404);
  });
});

describe("POST /projects with an import (new project from a Trello board)", () => {
  const create = (body: Record<string, unknown>, token?: string) => call(projectsRoute.POST, { method: "POST", body, ...(token && { auth: { token } }) });
  const projectsNow = () => database.prisma.project.count();

  it("creates the project with the board's lists as columns, queues the import and fills them in the background", async () => {
    const res = await create({ key: "TRL", name: "Blog board", teamId: world.team.id, mode: "kanban", import: { source: "trello", file: trello } }, owner);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ key: "TRL", name: "Blog board", import: { status: "queued" } });
    await wakeImportWorker();
    const got = await call(importRoute.GET, { params: { id: res.json.import.id }, auth: { token: owner } });
    expect(got.json).toMatchObject({ status: "succeeded", progress: 100, summary: { cardsCreated: 155, columnsCreated: 0 } });
    const columns = await database.prisma.column.findMany({ where: { project: { key: "TRL" } }, orderBy: { rank: "asc" }, select: { name: true, _count: { select: { cards: true } } } });
    expect(columns.map((column) => [column.name, column._count.cards])).toEqual([
      ["Social Media Blog ideas", 83],
      ["Open Blog ideas", 55],
      ["Guest Posts", 1],
      ["Team posts for Open/Overflow synd", 2],
      ["Social: Aug 3 - 7", 5],
      ["Social: Aug 10 - 14", 3],
      ["Social: Aug 17 - 21", 6],
      ["Social: Aug 24 - 28", 0],
    ]);
  });

  it("refuses an unreadable file, a wrong source or an unknown checklist with 422 and creates no project", async () => {
    const before = await projectsNow();
    const truncated = await create({ key: "TRX", name: "Broken", teamId: world.team.id, import: { source: "trello", file: trello.slice(0, 3000) } }, owner);
    expect(truncated.status).toBe(422);
    expect(truncated.json.error.message).toMatch(/incomplete or damaged/);
    expect((await create({ key: "TRX", name: "Broken", teamId: world.team.id, import: { source: "asana", file: trello } }, owner)).status).toBe(422);
    expect((await create({ key: "TRX", name: "Broken", teamId: world.team.id, import: { source: "trello", file: "" } }, owner)).status).toBe(422);
    const checklist = await create({ key: "TRX", name: "Broken", teamId: world.team.id, import: { source: "trello", file: trello, mapping: { definitionOfDone: "Nope" } } }, owner);
    expect(checklist.status).toBe(422);
    expect(checklist.json.error.code).toBe("UNKNOWN_CHECKLIST");
    expect(await projectsNow()).toBe(before);
    expect(await database.prisma.importRun.count({ where: { project: { key: "TRX" } } })).toBe(0);
  });

  it("401 without credentials, 403 for a member, 403/404 for another team, nothing created", async () => {
    const before = await projectsNow();
    const body = { key: "TRY", name: "Nope", teamId: world.team.id, import: { source: "trello", file: trello } };
    expect((await create(body)).status).toBe(401);
    expect((await create(body, member)).status).toBe(403);
    expect([403, 404]).toContain((await create(body, outsider)).status);
    expect(await projectsNow()).toBe(before);
  });
});
