// Board benchmark: move latency, concurrent throughput, board read time, rows written per move and
// memory, on PGlite and PostgreSQL, for boards of 1,000 and 10,000 cards.
//   npm run bench:board            (PostgreSQL from TEST_DATABASE_URL / DATABASE_URL, default local)
// Moves go through the real route handler with a real Request ("in-process handler"), and once
// more over HTTP through a minimal node:http server wrapping that handler.
import { createServer } from "node:http";
import { cpus, loadavg } from "node:os";
import type { AddressInfo } from "node:net";
import pg from "pg";
import * as moveRoute from "@/app/api/v1/cards/[cardKey]/move/route";
import { getBoard } from "@/lib/server/queries/board";
import { ClientModel, currentCards, openPglite, openPostgres, postgresReachable, seedBoard, seededRandom, type Target } from "./board-setup";

process.env.AUTH_SECRET ??= "bench-secret-not-for-production";
process.env.LOG_LEVEL ??= "silent";

const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : [1_000, 10_000];
const SEQUENTIAL_MOVES = 300;
const CONCURRENT_MOVES = 400;
const BOARD_READS = 40;

type Send = (cardKey: string, body: object, token: string) => Promise<{ status: number; json: { version?: number; error?: { code: string } } }>;

const inProcess: Send = async (cardKey, body, token) => {
  const req = new Request(`http://localhost/api/v1/cards/${cardKey}/move`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const res = await moveRoute.POST(req, { params: Promise.resolve({ cardKey }) });
  return { status: res.status, json: await res.json() };
};

/** A node:http server in front of the same handler, for a figure that includes HTTP parsing and sockets. */
async function httpServer() {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const cardKey = decodeURIComponent(req.url!.split("/")[4]!);
    const request = new Request(`http://localhost${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
    const response = await moveRoute.POST(request, { params: Promise.resolve({ cardKey }) });
    res.writeHead(response.status, { "content-type": "application/json" }).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const send: Send = async (cardKey, body, token) => {
    const res = await fetch(`${base}/api/v1/cards/${cardKey}/move`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  };
  return { send, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (value: number) => `${value.toFixed(2)} ms`;

async function sequential(send: Send, model: ClientModel, token: string, moves: number) {
  const random = seededRandom(7);
  const latencies: number[] = [];
  for (let i = 0; i < moves; i++) {
    const move = model.nextMove(random);
    const started = performance.now();
    const res = await send(move.card.key, move.body, token);
    latencies.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`move ${move.card.key} failed: ${res.status} ${JSON.stringify(res.json)}`);
    model.applied(move, res.json.version!);
  }
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

async function concurrent(target: Target, projectId: string, send: Send, columns: string[], token: string, clients: number) {
  const cards = await currentCards(target.database, projectId);
  const perClient = Math.floor(cards.length / clients);
  const models = Array.from({ length: clients }, (_, i) => new ClientModel(cards.slice(i * perClient, (i + 1) * perClient), columns));
  const failures: string[] = [];
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    models.map(async (model, client) => {
      const random = seededRandom(100 + client);
      for (let i = 0; i < CONCURRENT_MOVES / clients; i++) {
        const move = model.nextMove(random);
        const res = await send(move.card.key, move.body, token);
        if (res.status === 200) model.applied(move, res.json.version!);
        else if (res.json.error?.code === "WIP_LIMIT_EXCEEDED") refused++;
        else failures.push(`${res.status} ${res.json.error?.code}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: CONCURRENT_MOVES / seconds, failures, refused };
}

/** Tuples inserted/updated/deleted per table, from PostgreSQL's statistics. */
async function tupleWrites(target: Target, client: pg.Client | null): Promise<Map<string, number>> {
  const sql = `SELECT relname, n_tup_ins + n_tup_upd + n_tup_del AS writes FROM pg_stat_user_tables`;
  const rows = client ? (await client.query<{ relname: string; writes: string }>(sql)).rows : await target.database.prisma.$queryRawUnsafe<Array<{ relname: string; writes: bigint }>>(sql);
  return new Map(rows.map((row) => [row.relname, Number(row.writes)]));
}

async function rowsPerMove(target: Target, send: Send, model: ClientModel, token: string) {
  const stats = target.database.kind === "postgres" ? new pg.Client({ connectionString: target.url }) : null;
  await stats?.connect();
  const settle = async () => {
    // PostgreSQL backends publish their counters when idle, rate-limited: up to 10 s later.
    await new Promise((resolve) => setTimeout(resolve, stats ? 11_000 : 0));
    if (stats) await stats.query("SELECT pg_stat_clear_snapshot()");
    else await target.database.prisma.$queryRawUnsafe("SELECT pg_stat_force_next_flush()::text");
  };
  await settle();
  const before = await tupleWrites(target, stats);
  const moves = 50;
  await sequential(send, model, token, moves);
  await settle();
  const after = await tupleWrites(target, stats);
  await stats?.end();
  const perTable = [...after].map(([table, writes]) => [table, (writes - (before.get(table) ?? 0)) / moves] as const).filter(([, n]) => n > 0);
  return perTable.map(([table, n]) => `${table} ${n.toFixed(2)}`).join(", ") || "(statistics unavailable)";
}

async function benchSize(target: Target, size: number) {
  const { world, columns, token } = await seedBoard(target.database, `B${size}`, size);
  const { projectId } = world.project;
  const label = `${target.name}, ${size.toLocaleString("en")} cards`;
  const model = new ClientModel(await currentCards(target.database, projectId), columns);
  await sequential(inProcess, model, token, 30); // warm-up: JIT, prepared plans, pool
  const handler = await sequential(inProcess, model, token, SEQUENTIAL_MOVES);
  const http = await httpServer();
  const overHttp = await sequential(http.send, model, token, SEQUENTIAL_MOVES);
  const c4 = await concurrent(target, projectId, inProcess, columns, token, 4);
  const c8 = await concurrent(target, projectId, inProcess, columns, token, 8);
  await http.close();
  const reads: number[] = [];
  for (let i = 0; i < BOARD_READS; i++) {
    const started = performance.now();
    await getBoard(world.project, {});
    reads.push(performance.now() - started);
  }
  const pings: number[] = [];
  for (let i = 0; i < 100; i++) {
    const started = performance.now();
    await target.database.prisma.$queryRaw`SELECT 1`;
    pings.push(performance.now() - started);
  }
  const written = await rowsPerMove(target, inProcess, new ClientModel(await currentCards(target.database, projectId), columns), token);
  const memory = process.memoryUsage();
  console.log(`\n${label}   (load average ${loadavg().map((n) => n.toFixed(1)).join(" ")} on ${cpus().length} CPUs)`);
  console.log(`  baseline: one trivial query (SELECT 1 through Prisma) p50 ${ms(percentile(pings, 50))}, p95 ${ms(percentile(pings, 95))}`);
  console.log(`  move, in-process handler (${SEQUENTIAL_MOVES} sequential): p50 ${ms(handler.p50)}, p95 ${ms(handler.p95)}   [target p95 ≤ 12 ms]`);
  console.log(`  move, over HTTP (node:http + fetch, ${SEQUENTIAL_MOVES} sequential): p50 ${ms(overHttp.p50)}, p95 ${ms(overHttp.p95)}`);
  for (const [clients, result] of [[4, c4], [8, c8]] as const) {
    console.log(`  ${clients} concurrent clients (${CONCURRENT_MOVES} moves): ${result.perSecond.toFixed(0)} moves/s, failed ${result.failures.length} (${((100 * result.failures.length) / CONCURRENT_MOVES).toFixed(1)}%)${result.refused ? `, WIP refusals ${result.refused}` : ""}${result.failures.length ? ` e.g. ${result.failures[0]}` : ""}`);
  }
  console.log(`  board read (getBoard, ${size.toLocaleString("en")} cards): p50 ${ms(percentile(reads, 50))}, p95 ${ms(percentile(reads, 95))}   [target p50 ≤ 25 ms at 1,000]`);
  console.log(`  rows written per move (pg_stat_user_tables): ${written}   [by design: Card 1, CardEvent 1 (+1 COMPLETED/REOPENED when entering/leaving Done), RealtimeEvent 1]`);
  console.log(`  memory: rss ${(memory.rss / 2 ** 20).toFixed(0)} MB, heapUsed ${(memory.heapUsed / 2 ** 20).toFixed(0)} MB`);
}

async function main() {
  console.log(`Board benchmark — node ${process.version}, ${new Date().toISOString()}`);
  const targets: Array<() => Promise<Target>> = [openPglite];
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  if (await postgresReachable(url)) {
    targets.push(() => openPostgres(url));
  } else console.log(`\n(PostgreSQL at ${url} is not reachable: PostgreSQL figures skipped. Set TEST_DATABASE_URL or DATABASE_URL.)`);
  for (const open of targets) {
    for (const size of SIZES) {
      const target = await open();
      try {
        await benchSize(target, size);
      } finally {
        await target.dispose();
      }
    }
  }
}

await main();
