// Reports benchmark: each report endpoint's latency for a year's range on a project of 10,000 cards
// with 200,000 history events over a year, on PGlite and PostgreSQL.
//   npm run bench:reports          (PostgreSQL from TEST_DATABASE_URL / DATABASE_URL, default local)
// Requests go through the real route handlers with real Requests and a viewer's token: the time is
// the server's (authentication, validation, queries, JSON), without the network.
import { cpus, loadavg } from "node:os";
import * as agingRoute from "@/app/api/v1/projects/[key]/reports/aging/route";
import * as cfdRoute from "@/app/api/v1/projects/[key]/reports/cfd/route";
import * as cycleTimeRoute from "@/app/api/v1/projects/[key]/reports/cycle-time/route";
import * as forecastRoute from "@/app/api/v1/projects/[key]/reports/forecast/route";
import * as throughputRoute from "@/app/api/v1/projects/[key]/reports/throughput/route";
import * as velocityRoute from "@/app/api/v1/projects/[key]/reports/velocity/route";
import * as burndownRoute from "@/app/api/v1/sprints/[id]/burndown/route";
import { addDays, dayOf } from "@/lib/domain/reports/dates";
import type { Database } from "@/lib/server/database";
import { tokenFor } from "@/lib/server/testing/http";
import { makeWorld } from "@/prisma/factories";
import { openPglite, openPostgres, postgresReachable, seededRandom, type Target } from "./board-setup";

process.env.AUTH_SECRET ??= "bench-secret-not-for-production";
process.env.LOG_LEVEL ??= "silent";

const CARDS = Number(process.env.BENCH_CARDS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const SPRINTS = 26;
const REQUESTS = 30;
const DAY_MS = 86_400_000;

type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * A year of history: every card is created at a random moment, then moves forwards (and now and then
 * back) through the columns, most of them to Done; the rest of its share of events are edits, ticks
 * and completions. Two-week sprints run all year, each committing and completing cards.
 */
async function seed(database: Database) {
  const world = await makeWorld("RPTB");
  const { projectId } = world.project;
  const prisma = database.prisma;
  const columns = (await prisma.column.findMany({ where: { projectId }, orderBy: { rank: "asc" }, select: { id: true } })).map((column) => column.id);
  const random = seededRandom(11);
  const now = Date.now();
  const yearAgo = now - 365 * DAY_MS;
  const perCard = Math.floor(EVENTS / CARDS);
  const cards = [];
  const events: Array<{ projectId: string; cardId: string; type: string; fromColumnId: string | null; toColumnId: string | null; at: Date }> = [];
  for (let n = 1; n <= CARDS; n++) {
    const id = `bench-card-${n}`;
    let at = yearAgo + random() * 355 * DAY_MS;
    const createdAt = new Date(at);
    let column = 0;
    const history: typeof events = [{ projectId, cardId: id, type: "CREATED", fromColumnId: null, toColumnId: columns[0]!, at: new Date(at) }];
    const moves = Math.floor(perCard / 2);
    const finish = random() < 0.7;
    for (let m = 0; m < moves; m++) {
      const remaining = moves - m;
      const target = remaining <= 3 && finish ? Math.min(3, column + 1) : Math.max(0, Math.min(3, column + (random() < 0.7 ? 1 : -1)));
      if (target === column) continue;
      at = Math.min(now - 60_000, at + random() * 2 * DAY_MS);
      history.push({ projectId, cardId: id, type: "MOVED", fromColumnId: columns[column]!, toColumnId: columns[target]!, at: new Date(at) });
      if (target === 3 || column === 3) history.push({ projectId, cardId: id, type: target === 3 ? "COMPLETED" : "REOPENED", fromColumnId: null, toColumnId: columns[target]!, at: new Date(at) });
      column = target;
    }
    while (history.length < perCard) history.push({ projectId, cardId: id, type: "UPDATED", fromColumnId: null, toColumnId: null, at: new Date(createdAt.getTime() + random() * (at - createdAt.getTime())) });
    events.push(...history);
    cards.push({
      id,
      projectId,
      number: n,
      key: `RPTB-${n}`,
      title: `Bench card ${n}: a realistic title of a few words`,
      columnId: columns[column]!,
      boardRank: `a${String(n).padStart(6, "0")}`,
      rank: `a${String(n).padStart(6, "0")}`,
      labels: n % 4 === 0 ? ["backend"] : [],
      type: n % 5 === 0 ? ("BUG" as const) : ("STORY" as const),
      estimate: n % 8,
      createdAt,
      completedAt: column === 3 ? new Date(at) : null,
    });
  }
  for (let start = 0; start < cards.length; start += 2_000) await prisma.card.createMany({ data: cards.slice(start, start + 2_000) });
  for (let start = 0; start < events.length; start += 5_000) await prisma.cardEvent.createMany({ data: events.slice(start, start + 5_000) });
  await prisma.project.update({ where: { id: projectId }, data: { nextCardNumber: CARDS + 1 } });

  let sprintId = "";
  for (let s = 0; s < SPRINTS; s++) {
    const start = new Date(yearAgo + s * 14 * DAY_MS);
    const end = new Date(start.getTime() + 14 * DAY_MS);
    const sprint = await prisma.sprint.create({
      data: { projectId, name: `Sprint ${s + 1}`, state: "CLOSED", startDate: start, endDate: end, startedAt: start, completedAt: end, committedPoints: 0, completedPoints: 0 },
    });
    const picked = cards.slice(s * 40, s * 40 + 40);
    await prisma.sprintScopeChange.createMany({
      data: picked.flatMap((card, i) => [
        { sprintId: sprint.id, cardId: card.id, kind: i < 32 ? "COMMITTED" : "ADDED", points: card.estimate, at: i < 32 ? start : new Date(start.getTime() + i * 3_600_000) },
        { sprintId: sprint.id, cardId: card.id, kind: i % 4 ? "COMPLETED" : "ROLLED_OVER", points: card.estimate, at: end },
      ]),
    });
    sprintId = sprint.id;
  }
  // What autovacuum does soon after a bulk load: planner statistics for the new rows.
  await prisma.$executeRawUnsafe("ANALYZE");
  return { world, sprintId, token: await tokenFor(world.users.VIEWER.id) };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function time(handler: Handler, path: string, params: Record<string, string>, token: string) {
  const latencies: number[] = [];
  for (let i = 0; i < REQUESTS + 3; i++) {
    const started = performance.now();
    const res = await handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });
    const body = await res.text();
    if (i >= 3) latencies.push(performance.now() - started); // the first three warm up
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
  }
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

async function bench(target: Target) {
  const seeding = performance.now();
  const { world, sprintId, token } = await seed(target.database);
  const seconds = ((performance.now() - seeding) / 1000).toFixed(0);
  const { projectKey } = world.project;
  const today = dayOf(new Date(), "UTC");
  const year = `from=${addDays(today, -364)}&to=${today}`;
  const key = { key: projectKey };
  const base = `/api/v1/projects/${projectKey}/reports`;
  const cases: Array<[string, Handler, string, Record<string, string>]> = [
    ["cfd", cfdRoute.GET, `${base}/cfd?${year}`, key],
    ["cycle-time", cycleTimeRoute.GET, `${base}/cycle-time?${year}`, key],
    ["throughput (week)", throughputRoute.GET, `${base}/throughput?${year}&interval=week`, key],
    ["aging", agingRoute.GET, `${base}/aging?${year}`, key],
    ["velocity", velocityRoute.GET, `${base}/velocity?${year}`, key],
    ["forecast (items=50, 60-day window)", forecastRoute.GET, `${base}/forecast?items=50`, key],
    ["forecast (until +30 days, 60-day window)", forecastRoute.GET, `${base}/forecast?until=${addDays(today, 30)}`, key],
    ["cfd, filtered (type=bug)", cfdRoute.GET, `${base}/cfd?${year}&type=bug`, key],
    ["burndown (one sprint)", burndownRoute.GET, `/api/v1/sprints/${sprintId}/burndown`, { id: sprintId }],
  ];
  const counts = await target.database.prisma.cardEvent.count();
  console.log(`\n${target.name}: ${CARDS.toLocaleString("en")} cards, ${counts.toLocaleString("en")} history events over a year, ${SPRINTS} sprints (seeded in ${seconds} s; load average ${loadavg().map((n) => n.toFixed(1)).join(" ")} on ${cpus().length} CPUs)`);
  const pings: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await target.database.prisma.$queryRaw`SELECT 1`;
    pings.push(performance.now() - started);
  }
  // On a quiet machine this is well under a millisecond; a loaded one inflates every figure below alike.
  console.log(`  baseline: one trivial query (SELECT 1 through Prisma) p50 ${ms(percentile(pings, 50))}, p95 ${ms(percentile(pings, 95))}`);
  for (const [name, handler, path, params] of cases) {
    const result = await time(handler, path, params, token);
    console.log(`  ${name.padEnd(42)} p50 ${ms(result.p50).padStart(9)}, p95 ${ms(result.p95).padStart(9)}   ${result.p95 <= 150 ? "≤" : ">"} 150 ms target`);
  }
}

async function main() {
  console.log(`Reports benchmark — node ${process.version}, ${new Date().toISOString()}, ${REQUESTS} requests per report (p95 target ≤ 150 ms for a year's range)`);
  const targets: Array<() => Promise<Target>> = [];
  if (process.env.BENCH_DB !== "postgres") targets.push(openPglite);
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  if (process.env.BENCH_DB !== "pglite") {
    if (await postgresReachable(url)) targets.push(() => openPostgres(url));
    else console.log(`\n(PostgreSQL at ${url} is not reachable: PostgreSQL figures skipped. Set TEST_DATABASE_URL or DATABASE_URL.)`);
  }
  for (const open of targets) {
    const target = await open();
    try {
      await bench(target);
    } finally {
      await target.dispose();
    }
  }
}

await main();
