// Backlog benchmark: backlog read time and rank operation latency for a project with 5,000 backlog
// cards, on PostgreSQL and on PGlite.
//   npm run bench:backlog     (needs `tsx --conditions=react-server`: the services import "server-only")
// PostgreSQL comes from TEST_DATABASE_URL / DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test;
// a scratch database is created and dropped). BENCH_DB=postgres|pglite runs one only.
// Reads and ranks go through the real route handlers with real Requests (token auth, validation,
// JSON), in-process. Targets: backlog read p50 ≤ 80 ms, rank operation p95 ≤ 20 ms (PostgreSQL).
import * as rankRoute from "@/app/api/v1/cards/[cardKey]/rank/route";
import * as backlogRoute from "@/app/api/v1/projects/[key]/backlog/route";
import { ranksBetween } from "@/lib/domain/ranking";
import type { Database } from "@/lib/server/database";
import { tokenFor } from "@/lib/server/testing/http";
import { makeWorld } from "@/prisma/factories";
import { openPglite, openPostgres, seededRandom, type Target } from "./board-setup";

process.env.AUTH_SECRET ??= "bench-secret-not-for-production";
process.env.LOG_LEVEL ??= "silent";

const CARDS = 5_000;
const PLANNED = 40;
const READS = 40;
const RANKS = 300;
const KEY = "BLG";

/** 5,000 cards with no sprint plus a planned sprint of 40, with epics, labels, estimates and assignees. */
async function seedBacklog(database: Database) {
  const world = await makeWorld(KEY, "scrum");
  const { projectId } = world.project;
  const prisma = database.prisma;
  const column = await prisma.column.findFirstOrThrow({ where: { projectId }, orderBy: { rank: "asc" }, select: { id: true } });
  const sprint = await prisma.sprint.create({ data: { projectId, name: "Sprint 1", capacity: 60 }, select: { id: true } });
  const users = Object.values(world.users);
  const total = CARDS + PLANNED;
  const ranks = ranksBetween(null, null, total);
  const types = ["STORY", "BUG", "TASK", "SPIKE"] as const;
  const rows = Array.from({ length: total }, (_, i) => ({
    id: `bench${i + 1}`,
    projectId,
    number: i + 1,
    key: `${KEY}-${i + 1}`,
    title: `Backlog item ${i + 1}: customers can do a realistic thing`,
    description: "A description the backlog never sends.\n".repeat(20),
    type: i < 3 ? ("EPIC" as const) : types[i % types.length]!,
    columnId: column.id,
    boardRank: ranks[i]!,
    rank: ranks[i]!,
    sprintId: i % Math.floor(total / PLANNED) === 5 ? sprint.id : null,
    epicId: i >= 3 && i % 2 === 0 ? `bench${(i % 3) + 1}` : null,
    assigneeId: i % 3 === 0 ? users[i % users.length]!.id : null,
    labels: i % 4 === 0 ? ["checkout", "backend"] : [],
    estimate: [1, 2, 3, 5, 8, null][i % 6]!,
    createdById: world.users.MEMBER.id,
  }));
  for (let start = 0; start < rows.length; start += 1000) await prisma.card.createMany({ data: rows.slice(start, start + 1000) });
  await prisma.project.update({ where: { id: projectId }, data: { nextCardNumber: total + 1 } });
  return { token: await tokenFor(world.users.PRODUCT_OWNER.id), keys: rows.map((row) => row.key) };
}

async function timed(work: () => Promise<Response>) {
  const started = performance.now();
  const res = await work();
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${body.slice(0, 300)}`);
  return { ms, bytes: body.length };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function run(target: Target) {
  const { token, keys } = await seedBacklog(target.database);
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const read = (query = "") =>
    timed(() => backlogRoute.GET(new Request(`http://localhost/api/v1/projects/${KEY}/backlog${query}`, { headers }), { params: Promise.resolve({ key: KEY }) }));
  const rank = (cardKey: string, body: object) =>
    timed(() =>
      rankRoute.POST(new Request(`http://localhost/api/v1/cards/${cardKey}/rank`, { method: "POST", headers, body: JSON.stringify(body) }), {
        params: Promise.resolve({ cardKey }),
      }),
    );

  // A trivial round trip, to read the figures against: on a busy machine everything scales with it.
  const trips: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    await target.database.prisma.$queryRaw`SELECT 1`;
    trips.push(performance.now() - started);
  }
  for (let i = 0; i < 5; i++) await read(); // warm-up: JIT, prepared statements, caches
  const full: number[] = [];
  let bytes = 0;
  for (let i = 0; i < READS; i++) {
    const result = await read();
    full.push(result.ms);
    bytes = result.bytes;
  }
  const page: number[] = [];
  for (let i = 0; i < READS; i++) page.push((await read("?limit=200")).ms);

  const random = seededRandom(7);
  const pick = () => keys[3 + Math.floor(random() * (keys.length - 3))]!;
  const ranks: number[] = [];
  for (let i = 0; i < RANKS + 10; i++) {
    const card = pick();
    let anchor = pick();
    while (anchor === card) anchor = pick();
    const choice = random();
    const body = choice < 0.45 ? { afterKey: anchor } : choice < 0.9 ? { beforeKey: anchor } : { position: choice < 0.95 ? "top" : "bottom" };
    const { ms } = await rank(card, body);
    if (i >= 10) ranks.push(ms); // the first ten warm up
  }

  console.log(`\n${target.name}: ${CARDS.toLocaleString()} backlog cards + ${PLANNED} in a planned sprint`);
  console.log(`  baseline SELECT 1 round trip:             p50 ${fmt(percentile(trips, 50))}`);
  console.log(`  backlog read, whole (${(bytes / 1024).toFixed(0)} kB JSON): p50 ${fmt(percentile(full, 50))}  p95 ${fmt(percentile(full, 95))}   (target p50 ≤ 80 ms)`);
  console.log(`  backlog read, first 200 (the page's view):  p50 ${fmt(percentile(page, 50))}  p95 ${fmt(percentile(page, 95))}`);
  console.log(`  rank operation (${RANKS} sequential):        p50 ${fmt(percentile(ranks, 50))}  p95 ${fmt(percentile(ranks, 95))}   (target p95 ≤ 20 ms)`);
}

async function main() {
  const which = process.env.BENCH_DB ?? "both";
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const openers = [...(which !== "pglite" ? [() => openPostgres(serverUrl)] : []), ...(which !== "postgres" ? [openPglite] : [])];
  for (const open of openers) {
    const target = await open();
    try {
      await run(target);
    } finally {
      await target.dispose();
    }
  }
}

await main();
