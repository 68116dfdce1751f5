// Reports benchmark: each report endpoint's latency for a year's range on a project of 10,000 cards
// with 200,000 history events over a year, and the Reports page's server response, on PGlite and
// PostgreSQL, through the production server (next build + server.ts, NODE_ENV=production).
//   npm run bench:reports          (PostgreSQL from TEST_DATABASE_URL / DATABASE_URL, default local;
//                                   BENCH_DB=pglite|postgres for one of them; builds first if needed)
// The project is seeded in this process, then the server is started on it: PostgreSQL, a scratch
// database; PGlite, a data folder this process fills and closes before the server opens it (one
// process at a time). Requests carry a viewer's API token (endpoints) or session cookie (page); the
// time is from sending to the last byte, on loopback: the server's response time.
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { addDays, dayOf } from "@/lib/domain/reports/dates";
import { openDatabase, setDatabase, type Database } from "@/lib/server/database";
import { sessionCookie, tokenFor } from "@/lib/server/testing/http";
import { createScratchPostgres } from "@/lib/server/testing/test-database";
import { makeWorld } from "@/prisma/factories";
import { postgresReachable, seededRandom } from "./board-setup";
import { percentile, responseTimes, startProductionServer } from "./production-server";

process.env.AUTH_SECRET ??= "bench-secret-not-for-production";
process.env.LOG_LEVEL ??= "silent";

const CARDS = Number(process.env.BENCH_CARDS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const SPRINTS = 26;
const REQUESTS = 30;
const PAGE_LOADS = 20;
const DAY_MS = 86_400_000;
const TARGET_MS = 150;
const PAGE_TARGET_MS = 300;

/**
 * A year of history: every card is created at a random moment, then moves forwards (and now and then
 * back) through the columns, most of them to Done; the rest of its share of events are edits, ticks
 * and completions. Two-week sprints run all year, each committing and completing cards.
 */
async function seed(database: Database) {
  const world = await makeWorld("RPTB", "scrum");
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
  const viewer = world.users.VIEWER.id;
  return { projectKey: world.project.projectKey, sprintId, token: await tokenFor(viewer), cookie: await sessionCookie(viewer), events: await prisma.cardEvent.count() };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

type Seeded = Awaited<ReturnType<typeof seed>>;
/** A seeded database the server can open: its environment for server.ts, and how to remove it. */
type Prepared = { name: string; seeded: Seeded; seconds: number; serverEnv: Record<string, string>; dispose: () => Promise<void> };

async function seeded(database: Database) {
  setDatabase(database);
  const started = performance.now();
  try {
    await database.migrate();
    const result = await seed(database);
    return { seeded: result, seconds: (performance.now() - started) / 1000 };
  } finally {
    await database.close();
    setDatabase(undefined);
  }
}

async function preparePglite(): Promise<Prepared> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "shipboard-bench-reports-"));
  const { seeded: result, seconds } = await seeded(openDatabase({ kind: "pglite", dataDir }));
  return { name: "PGlite (data folder)", seeded: result, seconds, serverEnv: { DATA_DIR: dataDir, DATABASE_URL: "" }, dispose: () => rm(dataDir, { recursive: true, force: true }) };
}

async function preparePostgres(serverUrl: string): Promise<Prepared> {
  process.env.TEST_DATABASE_URL = serverUrl;
  const scratch = await createScratchPostgres();
  const { seeded: result, seconds } = await seeded(openDatabase({ kind: "postgres", url: scratch.url, poolSize: 10 }));
  return { name: "PostgreSQL", seeded: result, seconds, serverEnv: { DATABASE_URL: scratch.url }, dispose: scratch.drop };
}

const load = () => `load average ${loadavg().map((n) => n.toFixed(1)).join(" ")} on ${cpus().length} CPUs`;

function line(name: string, times: number[], target?: number) {
  const p95 = percentile(times, 95);
  const verdict = target === undefined ? "" : `   ${p95 <= target ? "≤" : ">"} ${target} ms target`;
  return `  ${name.padEnd(44)} p50 ${ms(percentile(times, 50)).padStart(9)}, p95 ${ms(p95).padStart(9)}${verdict}`;
}

async function bench(prepared: Prepared) {
  const { projectKey, sprintId, token, cookie, events } = prepared.seeded;
  const server = await startProductionServer({ ...prepared.serverEnv, AUTH_SECRET: process.env.AUTH_SECRET! });
  try {
    let bytes = 0; // of the last response, to print the page's size
    const get = (url: string, headers: Record<string, string>) => async () => {
      const res = await fetch(`${server.base}${url}`, { headers, redirect: "manual" });
      bytes = (await res.arrayBuffer()).byteLength;
      return res.status;
    };
    const kB = () => `   (${(bytes / 1024).toFixed(0)} kB)`;
    const api = (url: string) => get(url, { authorization: `Bearer ${token}` });
    const today = dayOf(new Date(), "UTC");
    const year = `from=${addDays(today, -364)}&to=${today}`;
    const base = `/api/v1/projects/${projectKey}/reports`;
    const cases: Array<[string, string]> = [
      ["cfd", `${base}/cfd?${year}`],
      ["cycle-time", `${base}/cycle-time?${year}`],
      ["throughput (week)", `${base}/throughput?${year}&interval=week`],
      ["aging", `${base}/aging?${year}`],
      ["velocity", `${base}/velocity?${year}`],
      ["forecast (items=50, 60-day window)", `${base}/forecast?items=50`],
      ["forecast (until +30 days, 60-day window)", `${base}/forecast?until=${addDays(today, 30)}`],
      ["cfd, filtered (type=bug)", `${base}/cfd?${year}&type=bug`],
      ["burndown (one sprint)", `/api/v1/sprints/${sprintId}/burndown`],
    ];
    console.log(`\n${prepared.name}: ${CARDS.toLocaleString("en")} cards, ${events.toLocaleString("en")} history events over a year, ${SPRINTS} sprints (seeded in ${prepared.seconds.toFixed(0)} s); ${load()}`);
    // A trivial request through the same server and database (one SELECT 1): on a quiet machine a
    // millisecond or two; a loaded one inflates every figure below alike.
    console.log(line("baseline: GET /api/health", await responseTimes("health", get("/api/health", {}), REQUESTS, 3)));
    for (const [name, url] of cases) console.log(line(name, await responseTimes(name, api(url), REQUESTS, 3), TARGET_MS));
    const page = `/${projectKey}/reports`;
    console.log(line("Reports page (HTML), default range", await responseTimes("reports page", get(page, { cookie }), PAGE_LOADS), PAGE_TARGET_MS) + kB());
    console.log(line("Reports page (HTML), a year's range", await responseTimes("reports page", get(`${page}?${year}`, { cookie }), PAGE_LOADS), PAGE_TARGET_MS) + kB());
    console.log(`  (${load()} after the run)`);
  } finally {
    await server.stop();
  }
}

async function main() {
  console.log(`Reports benchmark — node ${process.version}, ${new Date().toISOString()}, ${REQUESTS} requests per report, ${PAGE_LOADS} page loads, through the production server`);
  const targets: Array<() => Promise<Prepared>> = [];
  if (process.env.BENCH_DB !== "postgres") targets.push(preparePglite);
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  if (process.env.BENCH_DB !== "pglite") {
    if (await postgresReachable(url)) targets.push(() => preparePostgres(url));
    else console.log(`\n(PostgreSQL at ${url} is not reachable: PostgreSQL figures skipped. Set TEST_DATABASE_URL or DATABASE_URL.)`);
  }
  for (const prepare of targets) {
    const prepared = await prepare();
    try {
      await bench(prepared);
    } finally {
      await prepared.dispose();
    }
  }
}

await main();
