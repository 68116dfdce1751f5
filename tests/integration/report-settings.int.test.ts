// The reports' settings on PATCH /projects/{key}/board: workflow stages (start and finish columns)
// and the time zone. Success, bad input (422 naming the field, nothing written), 401, 403, 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as boardRoute from "@/app/api/v1/projects/[key]/board/route";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { makeWorld } from "@/prisma/factories";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;
const tokens: Record<"po" | "member" | "stranger", string> = { po: "", member: "", stranger: "" };
let columns: string[];

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("STG", "kanban");
  const other = await makeWorld("STGX", "kanban");
  tokens.po = await tokenFor(world.users.PRODUCT_OWNER.id);
  tokens.member = await tokenFor(world.users.MEMBER.id);
  tokens.stranger = await tokenFor(other.users.OWNER.id);
  columns = (await database.prisma.column.findMany({ where: { projectId: world.project.projectId }, orderBy: { rank: "asc" } })).map((column) => column.id);
});
afterAll(() => database.dispose());

const patch = (body: unknown, token: string | null = tokens.po) => call(boardRoute.PATCH, { method: "PATCH", params: { key: "STG" }, body, auth: token ? { token } : {} });
const stored = () => database.prisma.project.findUniqueOrThrow({ where: { id: world.project.projectId }, select: { startColumnId: true, finishColumnIds: true, timeZone: true } });

describe("PATCH /projects/{key}/board: the reports' settings", () => {
  it("defaults to the first in-progress column, the Done columns and UTC", async () => {
    expect(await stored()).toEqual({ startColumnId: null, finishColumnIds: [], timeZone: "UTC" });
  });

  it("saves the stages and the time zone, and shows them on the board", async () => {
    const res = await patch({ startColumnId: columns[2], finishColumnIds: [columns[3]], timeZone: "Europe/Berlin" });
    expect(res.status).toBe(200);
    expect(await stored()).toEqual({ startColumnId: columns[2], finishColumnIds: [columns[3]], timeZone: "Europe/Berlin" });
    const board = await call(boardRoute.GET, { params: { key: "STG" }, auth: { token: tokens.member } });
    expect(board.json.project).toMatchObject({ startColumnId: columns[2], finishColumnIds: [columns[3]], timeZone: "Europe/Berlin" });
    // Back to the defaults.
    expect((await patch({ startColumnId: null, finishColumnIds: [], timeZone: "UTC" })).status).toBe(200);
    expect(await stored()).toEqual({ startColumnId: null, finishColumnIds: [], timeZone: "UTC" });
  });

  it.each([
    [{ timeZone: "Mars/Olympus" }, "timeZone"],
    [{ startColumnId: "not-a-column-here" }, "startColumnId"],
    [{ finishColumnIds: ["not-a-column-here"] }, "finishColumnIds"],
    [{ finishColumnIds: "all" }, "finishColumnIds"],
  ])("refuses %j with 422 naming %s, writing nothing", async (body, field) => {
    const before = await stored();
    const res = await patch(body);
    expect(res.status).toBe(422);
    expect(res.json.error.details.map((issue: { path: string }) => issue.path)).toContain(field);
    expect(await stored()).toEqual(before);
  });

  it("refuses another team's column", async () => {
    const foreign = await database.prisma.column.findFirstOrThrow({ where: { project: { key: "STGX" } } });
    const res = await patch({ startColumnId: foreign.id });
    expect(res.status).toBe(422);
    expect(await stored()).toMatchObject({ startColumnId: null });
  });

  it("refuses no credentials (401), a member (403) and another team (404), writing nothing", async () => {
    const body = { timeZone: "Asia/Tokyo" };
    expect((await patch(body, null)).status).toBe(401);
    expect((await patch(body, tokens.member)).status).toBe(403);
    expect((await patch(body, tokens.stranger)).status).toBe(404);
    expect((await stored()).timeZone).toBe("UTC");
  });
});
