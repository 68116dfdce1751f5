// Every report route on a hand-made history whose answers are worked out below: success, bad input
// (422 naming the field), no credentials (401), another team's member (404, nothing leaked).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as agingRoute from "@/app/api/v1/projects/[key]/reports/aging/route";
import * as cfdRoute from "@/app/api/v1/projects/[key]/reports/cfd/route";
import * as cycleTimeRoute from "@/app/api/v1/projects/[key]/reports/cycle-time/route";
import * as forecastRoute from "@/app/api/v1/projects/[key]/reports/forecast/route";
import * as throughputRoute from "@/app/api/v1/projects/[key]/reports/throughput/route";
import * as velocityRoute from "@/app/api/v1/projects/[key]/reports/velocity/route";
import { rankBetween } from "@/lib/domain/ranking";
import type { TeamRole } from "@/lib/domain/roles";
import { call, tokenFor } from "@/lib/server/testing/http";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { addDays, dayOf, daysBetween } from "@/lib/domain/reports/dates";
import { getBoard } from "@/lib/server/queries/board";
import { makeCard, makeWorld } from "@/prisma/factories";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof makeWorld>>;
const tokens = {} as Record<TeamRole | "STRANGER", string>;
let columns: Record<"todo" | "doing" | "review" | "done", string>;

/** A card created at `created` in To do, then moved column by column at the given instants. */
async function history(title: string, created: string, moves: Array<[keyof typeof columns, string]>, fields: { type?: "bug"; labels?: string[] } = {}) {
  const card = await makeCard(world.project, world.users.MEMBER.id, { title, ...fields });
  const row = await database.prisma.card.findUniqueOrThrow({ where: { key: card.key } });
  await database.prisma.cardEvent.updateMany({ where: { cardId: row.id, type: "CREATED" }, data: { at: new Date(created) } });
  let from = columns.todo;
  for (const [to, at] of moves) {
    await database.prisma.cardEvent.create({ data: { projectId: world.project.projectId, cardId: row.id, type: "MOVED", fromColumnId: from, toColumnId: columns[to], at: new Date(at) } });
    from = columns[to];
  }
  // Last in its column, with a valid rank (cards created later rank after it).
  const last = await database.prisma.card.findFirst({ where: { columnId: from, id: { not: row.id } }, orderBy: { boardRank: "desc" }, select: { boardRank: true } });
  await database.prisma.card.update({ where: { id: row.id }, data: { columnId: from, boardRank: rankBetween(last?.boardRank ?? null, null) } });
  return card.key;
}

let keys: Record<"A" | "B" | "C" | "D" | "E", string>;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await makeWorld("REP", "kanban");
  const other = await makeWorld("REPX", "kanban");
  for (const role of ["VIEWER", "MEMBER"] as const) tokens[role] = await tokenFor(world.users[role].id);
  tokens.STRANGER = await tokenFor(other.users.OWNER.id);
  const [todo, doing, review, done] = await database.prisma.column.findMany({ where: { projectId: world.project.projectId }, orderBy: { rank: "asc" } });
  columns = { todo: todo!.id, doing: doing!.id, review: review!.id, done: done!.id };
  keys = {
    // Started 2 March, finished 4 March: 3 days, 48 hours.
    A: await history("A", "2026-03-01T10:00:00Z", [["doing", "2026-03-02T10:00:00Z"], ["done", "2026-03-04T10:00:00Z"]], { labels: ["api"] }),
    // Skips every column: started and finished on entering Done: 1 day, 0 hours.
    B: await history("B", "2026-03-01T10:00:00Z", [["done", "2026-03-03T15:00:00Z"]], { type: "bug" }),
    // Reopened: started 2 March, finished 3 March, reopened 5 March, finished again 6 March: counts once, 5 days, 96 hours.
    C: await history("C", "2026-03-01T10:00:00Z", [["doing", "2026-03-02T10:00:00Z"], ["done", "2026-03-03T10:00:00Z"], ["doing", "2026-03-05T10:00:00Z"], ["done", "2026-03-06T10:00:00Z"]]),
    // Moved back to To do, then started again: still started on 2 March, unfinished.
    D: await history("D", "2026-03-01T10:00:00Z", [["doing", "2026-03-02T10:00:00Z"], ["todo", "2026-03-03T10:00:00Z"], ["doing", "2026-03-05T10:00:00Z"]]),
    // Never started.
    E: await history("E", "2026-03-01T10:00:00Z", []),
  };
});
afterAll(() => database.dispose());

/** A report request, as a viewer unless another token (or null: none) is given. */
const get = (handler: (typeof cfdRoute)["GET"], query: string, token: string | null = tokens.VIEWER, key = world.project.projectKey) =>
  call(handler, { path: `/api/v1/projects/${key}/reports/x?${query}`, params: { key }, auth: token ? { token } : {} });
const march = "from=2026-03-01&to=2026-03-10";

describe("cycle time", () => {
  it("lists the cards finished in the range with days, hours and nearest-rank percentiles", async () => {
    const res = await get(cycleTimeRoute.GET, march);
    expect(res.status).toBe(200);
    expect(res.json.items).toEqual([
      { key: keys.B, title: "B", started: "2026-03-03T15:00:00.000Z", finished: "2026-03-03T15:00:00.000Z", days: 1, hours: 0 },
      { key: keys.A, title: "A", started: "2026-03-02T10:00:00.000Z", finished: "2026-03-04T10:00:00.000Z", days: 3, hours: 48 },
      { key: keys.C, title: "C", started: "2026-03-02T10:00:00.000Z", finished: "2026-03-06T10:00:00.000Z", days: 5, hours: 96 },
    ]);
    // Days 1, 3, 5: p50 = 2nd (3), p70 = ⌈2.1⌉ = 3rd (5), p85 and p95 = 3rd (5).
    expect(res.json.percentiles).toEqual({ p50: 3, p70: 5, p85: 5, p95: 5 });
  });

  it("filters by type and label, and counts only finishes inside the range", async () => {
    expect((await get(cycleTimeRoute.GET, `${march}&type=bug`)).json.items.map((i: { key: string }) => i.key)).toEqual([keys.B]);
    expect((await get(cycleTimeRoute.GET, `${march}&label=api`)).json.items.map((i: { key: string }) => i.key)).toEqual([keys.A]);
    // C's first finish (3 March) is not a finish: only its last one (6 March) counts.
    expect((await get(cycleTimeRoute.GET, "from=2026-03-01&to=2026-03-05")).json.items.map((i: { key: string }) => i.key)).toEqual([keys.B, keys.A]);
  });
});

describe("throughput", () => {
  it("counts finishes per day, zeros included", async () => {
    const res = await get(throughputRoute.GET, "from=2026-03-02&to=2026-03-07&interval=day");
    expect(res.status).toBe(200);
    expect(res.json.buckets).toEqual([
      { start: "2026-03-02", count: 0 },
      { start: "2026-03-03", count: 1 },
      { start: "2026-03-04", count: 1 },
      { start: "2026-03-05", count: 0 },
      { start: "2026-03-06", count: 1 },
      { start: "2026-03-07", count: 0 },
    ]);
  });

  it("counts per ISO week", async () => {
    // 2 March 2026 is a Monday: the three finishes fall in that week.
    expect((await get(throughputRoute.GET, "from=2026-03-02&to=2026-03-15&interval=week")).json.buckets).toEqual([
      { start: "2026-03-02", count: 3 },
      { start: "2026-03-09", count: 0 },
    ]);
  });
});

describe("cumulative flow", () => {
  it("counts the cards in each column at the end of each day", async () => {
    const res = await get(cfdRoute.GET, "from=2026-02-28&to=2026-03-06");
    expect(res.status).toBe(200);
    expect(res.json.columns).toEqual(["To do", "In progress", "Review", "Done"]);
    const row = (todo: number, doing: number, done: number) => ({ "To do": todo, "In progress": doing, Review: 0, Done: done });
    expect(res.json.days).toEqual([
      { date: "2026-02-28", counts: row(0, 0, 0) },
      { date: "2026-03-01", counts: row(5, 0, 0) },
      { date: "2026-03-02", counts: row(2, 3, 0) },
      { date: "2026-03-03", counts: row(2, 1, 2) },
      { date: "2026-03-04", counts: row(2, 0, 3) },
      { date: "2026-03-05", counts: row(1, 2, 2) },
      { date: "2026-03-06", counts: row(1, 1, 3) },
    ]);
  });
});

describe("cumulative flow, filtered", () => {
  it("counts only the matching cards, from their own history", async () => {
    // B, the only bug: created 1 March in To do, straight to Done on 3 March.
    const res = await get(cfdRoute.GET, "from=2026-03-02&to=2026-03-03&type=bug");
    expect(res.json.days).toEqual([
      { date: "2026-03-02", counts: { "To do": 1, "In progress": 0, Review: 0, Done: 0 } },
      { date: "2026-03-03", counts: { "To do": 0, "In progress": 0, Review: 0, Done: 1 } },
    ]);
  });
});

describe("ageing work in progress", () => {
  it("ages the started, unfinished cards against the range's cycle-time percentiles", async () => {
    const res = await get(agingRoute.GET, march);
    expect(res.status).toBe(200);
    // D started 2 March; on 10 March its age is (10 − 2) + 1 = 9 days, above p95 (5).
    expect(res.json.items).toEqual([{ key: keys.D, title: "D", column: "In progress", ageDays: 9, zone: "above-p95" }]);
    expect(res.json.percentiles).toEqual({ p50: 3, p70: 5, p85: 5, p95: 5 });
  });

});

describe("ageing on the board", () => {
  const boardCards = async () => (await getBoard(world.project)).columns.flatMap((column) => column.cards);

  it("shows each started, unfinished card's work item age, and the fixed threshold with too little history", async () => {
    const board = await getBoard(world.project);
    const ages = Object.fromEntries(board.columns.flatMap((column) => column.cards.map((card) => [card.key, card.workItemAge])));
    // D started 2 March (its first entry into a started column, not its return on 5 March); E never
    // started; A, B and C are finished.
    const today = dayOf(new Date(), "UTC");
    expect(ages).toEqual({ [keys.A]: null, [keys.B]: null, [keys.C]: null, [keys.D]: daysBetween("2026-03-02", today) + 1, [keys.E]: null });
    // Nothing finished in the last 90 days: the project's fixed days.
    expect(board.project.agingThreshold).toBe(board.project.agingDays);
  });

  it("takes the team's own p85 cycle time once ten cards finished in the last 90 days", async () => {
    const today = dayOf(new Date(), "UTC");
    // Cycle times 1…10 days, each finished days ago: p85 = the ⌈8.5⌉ = 9th smallest = 9 days.
    for (let days = 1; days <= 10; days++) {
      const finished = `${addDays(today, -2)}T12:00:00Z`;
      const started = `${addDays(today, -1 - days)}T12:00:00Z`;
      await history(`Recent ${days}`, started, [["doing", started], ["done", finished]]);
    }
    expect((await getBoard(world.project)).project.agingThreshold).toBe(9);
    expect((await boardCards()).find((card) => card.key === keys.D)!.workItemAge).toBeGreaterThan(9);
  });
});

describe("forecast", () => {
  it("resamples the window's daily throughput", async () => {
    // 1 March – 6 March finished 0, 0, 1, 1, 0, 1 cards a day.
    const res = await get(forecastRoute.GET, "from=2026-03-01&to=2026-03-06&items=3");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ kind: "items", items: 3, trials: 10_000, window: { from: "2026-03-01", to: "2026-03-06" } });
    const dates = [res.json.percentiles.p50, res.json.percentiles.p70, res.json.percentiles.p85, res.json.percentiles.p95];
    expect(dates.every((date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && date > res.json.today)).toBe(true);
    expect([...dates].sort()).toEqual(dates);
  });

  it("answers 'how many by a date' as counts that shrink with confidence", async () => {
    const res = await get(forecastRoute.GET, "from=2026-03-01&to=2026-03-06&until=2027-12-31");
    expect(res.json.kind).toBe("until");
    const { p50, p70, p85, p95 } = res.json.percentiles;
    expect(p50).toBeGreaterThanOrEqual(p70);
    expect(p70).toBeGreaterThanOrEqual(p85);
    expect(p85).toBeGreaterThanOrEqual(p95);
    expect(p95).toBeGreaterThan(0);
  });
});

describe("velocity", () => {
  it("answers an empty report for a project without closed sprints", async () => {
    const res = await get(velocityRoute.GET, "");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ sprints: [], average: null, range: null });
  });
});

describe("settings the reports follow", () => {
  it("counts days in the project's time zone", async () => {
    await database.prisma.project.update({ where: { id: world.project.projectId }, data: { timeZone: "Asia/Tokyo" } });
    try {
      // B finished 3 March 15:00 UTC, which is 4 March 00:00 in Tokyo.
      const res = await get(throughputRoute.GET, "from=2026-03-03&to=2026-03-04");
      expect(res.json.buckets).toEqual([
        { start: "2026-03-03", count: 0 },
        { start: "2026-03-04", count: 2 },
      ]);
      // The daily flow is rebuilt for the new zone: B is still in To do at the end of 3 March there.
      const cfd = await get(cfdRoute.GET, "from=2026-03-03&to=2026-03-04");
      expect(cfd.json.days).toEqual([
        { date: "2026-03-03", counts: { "To do": 3, "In progress": 1, Review: 0, Done: 1 } },
        { date: "2026-03-04", counts: { "To do": 2, "In progress": 0, Review: 0, Done: 3 } },
      ]);
      expect((await get(cfdRoute.GET, "from=2026-03-03&to=2026-03-04&type=bug")).json.days.map((day: { counts: Record<string, number> }) => [day.counts["To do"], day.counts.Done])).toEqual([
        [1, 0],
        [0, 1],
      ]);
    } finally {
      await database.prisma.project.update({ where: { id: world.project.projectId }, data: { timeZone: "UTC" } });
    }
  });

  it("follow the workflow stages retroactively", async () => {
    await database.prisma.project.update({ where: { id: world.project.projectId }, data: { startColumnId: columns.todo } });
    try {
      // Work now starts in To do: every card started on creation (1 March). A: 1 → 4 March = 4 days.
      const res = await get(cycleTimeRoute.GET, march);
      expect(res.json.items.map((i: { key: string; days: number }) => [i.key, i.days])).toEqual([[keys.B, 3], [keys.A, 4], [keys.C, 6]]);
    } finally {
      await database.prisma.project.update({ where: { id: world.project.projectId }, data: { startColumnId: null } });
    }
  });
});

describe.each([
  ["cfd", cfdRoute.GET],
  ["cycle-time", cycleTimeRoute.GET],
  ["throughput", throughputRoute.GET],
  ["aging", agingRoute.GET],
  ["velocity", velocityRoute.GET],
  ["forecast", forecastRoute.GET],
] as const)("GET reports/%s", (name, handler) => {
  const valid = name === "forecast" ? `${march}&items=5` : march;

  it("refuses a caller without credentials (401)", async () => {
    expect((await get(handler, valid, null)).status).toBe(401);
  });

  it("answers another team's member 404, leaking nothing", async () => {
    const res = await get(handler, valid, tokens.STRANGER);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.json)).not.toContain(world.project.projectId);
    expect(JSON.stringify(res.json)).not.toContain(keys.A);
  });

  it.each([
    ["from=2026-13-01", "from"],
    ["from=2026-03-10&to=2026-03-01", "to"],
    ["from=2020-01-01&to=2026-03-01", "to"],
    ["type=feature", "type"],
    ["epic=not a key", "epic"],
  ])("refuses %s with 422 naming %s", async (query, field) => {
    const res = await get(handler, name === "forecast" ? `${query}&items=5` : query);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("VALIDATION_FAILED");
    expect(res.json.error.details.map((issue: { path: string }) => issue.path)).toContain(field);
  });
});

describe("report-specific parameters", () => {
  it.each([
    [throughputRoute.GET, "interval=month", "interval"],
    [velocityRoute.GET, "last=0", "last"],
    [forecastRoute.GET, "", "items"],
    [forecastRoute.GET, "items=3&until=2027-01-01", "items"],
    [forecastRoute.GET, "items=-1", "items"],
  ] as const)("refuses a bad value with 422 naming it (%#)", async (handler, query, field) => {
    const res = await get(handler, query);
    expect(res.status).toBe(422);
    expect(res.json.error.details.map((issue: { path: string }) => issue.path)).toContain(field);
  });
});
