// Webhook benchmark on PostgreSQL: acknowledged deliveries per second, ack latency, and the lag
// from the 202 to the card's pipeline state being committed.
//   npm run bench:webhooks    (scratch database on TEST_DATABASE_URL, default the local server)
// The server process runs a node:http server wrapping the real route handler, with the queue
// worker in process as in production. A forked client process sends signed ~10 KB GitHub
// workflow_run deliveries over a few keep-alive connections, so load generation does not eat the
// server's CPU.
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { signGithub } from "@/lib/domain/pipeline/verify";

process.env.AUTH_SECRET ??= "bench-secret-not-for-production";
process.env.LOG_LEVEL ??= "silent";
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/test";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10); // the server's default DATABASE_POOL_SIZE
const BURST = Number(process.env.BENCH_BURST ?? 5_000);
const RATE = 500;
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 10);
const CARDS = 500;
const TARGET_BYTES = 10_240;

type Ack = { id: string; ackedAt: number; latency: number };
type ClientJob = { port: number; urlPath: string; secret: string };
type ClientReport = { bytes: number; burst: Ack[]; burstSeconds: number; steady: Ack[]; steadySeconds: number };

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

// ---- client process ---------------------------------------------------------------------------

/** Delivery n: run n/2 (a start, then its completion) on a branch naming one of the cards; ~10 KB. */
function makeDelivery(template: { workflow_run: Record<string, unknown> } & Record<string, unknown>, n: number, secret: string) {
  const body = structuredClone(template);
  const completed = n % 2 === 1;
  Object.assign(body.workflow_run, {
    id: 10_000_000 + Math.floor(n / 2),
    head_branch: `feature/BENCH-${(n % CARDS) + 1}-work`,
    status: completed ? "completed" : "in_progress",
    conclusion: completed ? (n % 7 === 0 ? "failure" : "success") : null,
    updated_at: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
  });
  body.action = completed ? "completed" : "in_progress";
  const json = JSON.stringify(body);
  const bytes = Buffer.from(`${json.slice(0, -1)},"padding":"${"x".repeat(Math.max(0, TARGET_BYTES - json.length - 14))}"}`);
  const headers = {
    "content-type": "application/json",
    "content-length": String(bytes.length),
    "x-github-event": "workflow_run",
    "x-github-delivery": randomUUID(),
    "x-hub-signature-256": signGithub(secret, bytes),
  };
  return { bytes, headers };
}

async function runClient(job: ClientJob): Promise<ClientReport> {
  const fixture = JSON.parse(readFileSync(path.resolve(process.cwd(), "../shared/fixtures/webhooks/github/workflow_run.completed-failure.json"), "utf8"));
  // A real workflow_run is ~20 KB, mostly repository objects the normalizer never reads; the
  // copies inside workflow_run go so the body is the ~10 KB the benchmark is about.
  const template = fixture.body;
  delete template.workflow_run.repository;
  delete template.workflow_run.head_repository;
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  // Built and signed before the clock starts, so the figures are about the server, not about this
  // process cloning, serializing and signing 10 KB bodies on the same two cores.
  const deliveries = Array.from({ length: BURST + RATE * RATE_SECONDS }, (_, n) => makeDelivery(template, n, job.secret));
  const post = (n: number): Promise<Ack> => {
    const { bytes, headers } = deliveries[n]!;
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: job.port, path: job.urlPath, method: "POST", headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          if (res.statusCode !== 202) return reject(new Error(`unexpected ${res.statusCode}`));
          resolve({ id: JSON.parse(Buffer.concat(chunks).toString()).id, ackedAt: Date.now(), latency: performance.now() - started });
        });
      });
      req.on("error", reject);
      req.end(bytes);
    });
  };

  // 1. Throughput: every connection sends its next delivery as soon as the previous one is acked.
  let next = 0;
  const burst: Ack[] = [];
  let started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (next < BURST) burst.push(await post(next++));
  }));
  const burstSeconds = (performance.now() - started) / 1000;
  process.send!({ phase: "burst-done" });
  await new Promise((resolve) => process.once("message", resolve)); // the server drained its backlog

  // 2. A steady 500 deliveries/s, open loop.
  const steady: Ack[] = [];
  const sends: Promise<void>[] = [];
  started = performance.now();
  for (let i = 0; i < RATE * RATE_SECONDS; i++) {
    const wait = started + (i * 1000) / RATE - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    sends.push(post(BURST + i).then((ack) => void steady.push(ack)));
  }
  await Promise.all(sends);
  agent.destroy();
  return { bytes: deliveries[0]!.bytes.length, burst, burstSeconds, steady, steadySeconds: (performance.now() - started) / 1000 };
}

// ---- server process ---------------------------------------------------------------------------

async function runServer() {
  const [{ openDatabase, setDatabase }, { createScratchPostgres }, { createIntegration }, { startWebhookWorker, stopWebhookWorker }, { makeWorld }, { ranksBetween }, webhookRoute] = await Promise.all([
    import("@/lib/server/database"),
    import("@/lib/server/testing/test-database"),
    import("@/lib/server/services/integrations"),
    import("@/lib/server/webhook-queue"),
    import("@/prisma/factories"),
    import("@/lib/domain/ranking"),
    import("@/app/api/webhooks/[provider]/[integrationId]/route"),
  ]);
  const scratch = await createScratchPostgres();
  const database = openDatabase({ kind: "postgres", url: scratch.url, poolSize: POOL_SIZE });
  try {
    await database.migrate();
    setDatabase(database);
    const world = await makeWorld("BENCH");
    const column = await database.prisma.column.findFirstOrThrow({ where: { projectId: world.project.projectId }, orderBy: { rank: "asc" } });
    await database.prisma.card.createMany({
      data: ranksBetween(null, null, CARDS).map((rank, i) => ({ projectId: world.project.projectId, number: i + 1, key: `BENCH-${i + 1}`, title: `Card ${i + 1}`, columnId: column.id, boardRank: rank, rank })),
    });
    const integration = await createIntegration(world.project, { provider: "github", name: "bench", repository: "acme/shop" }, "http://localhost");
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const [, , , provider, integrationId] = req.url!.split("/");
      const response = await webhookRoute.POST(
        new Request(`http://localhost${req.url}`, { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }),
        { params: Promise.resolve({ provider: provider!, integrationId: integrationId! }) },
      );
      res.writeHead(response.status, { "content-type": "application/json" }).end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    startWebhookWorker();

    const pendingCount = () => database.prisma.webhookDelivery.count({ where: { status: "pending" } });
    const waitIdle = async () => {
      while ((await pendingCount()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const client = fork(import.meta.filename, [], { env: { ...process.env, BENCH_ROLE: "client" } });
    const cpuBefore = process.cpuUsage();
    let burstCpu = 0;
    let drainMs = 0;
    const report = await new Promise<ClientReport>((resolve, reject) => {
      client.on("message", async (message: { phase?: string; report?: ClientReport }) => {
        if (message.phase === "burst-done") {
          const lastAck = performance.now();
          await waitIdle();
          drainMs = performance.now() - lastAck;
          const cpu = process.cpuUsage(cpuBefore);
          burstCpu = (cpu.user + cpu.system) / 1000 / BURST;
          client.send("go");
        } else if (message.report) resolve(message.report);
      });
      client.on("error", reject);
      client.on("exit", (code) => code !== 0 && reject(new Error(`client exited with ${code}`)));
      client.send({ port: (server.address() as AddressInfo).port, urlPath: `/api/webhooks/github/${integration.id}`, secret: integration.secret } satisfies ClientJob);
    });
    await waitIdle();

    console.log(`PostgreSQL, pool ${POOL_SIZE}, ${CONNECTIONS} keep-alive connections from a separate client process, worker in the server process`);
    const burstLatencies = report.burst.map((a) => a.latency);
    console.log(`throughput: ${BURST} deliveries acked in ${report.burstSeconds.toFixed(2)} s = ${(BURST / report.burstSeconds).toFixed(0)} deliveries/s (target >= 1000)`);
    console.log(`  ack latency p50 ${ms(percentile(burstLatencies, 50))}, p99 ${ms(percentile(burstLatencies, 99))} (target p99 <= 50 ms)`);
    console.log(`  server CPU ${burstCpu.toFixed(2)} ms per delivery (ack + processing)`);
    console.log(`  every delivery of the burst processed ${ms(drainMs)} after the last ack (processing keeps pace when this stays small)`);

    const rows = await database.prisma.webhookDelivery.findMany({ where: { id: { in: report.steady.map((a) => a.id) } }, select: { id: true, status: true, processedAt: true } });
    const processedAt = new Map(rows.map((row) => [row.id, row.processedAt?.getTime() ?? NaN]));
    const lags = report.steady.map((a) => processedAt.get(a.id)! - a.ackedAt);
    const total = report.steady.length;
    console.log(`steady rate: ${total} deliveries at ${(total / report.steadySeconds).toFixed(0)}/s (offered ${RATE}/s), ${rows.filter((r) => r.status !== "processed").length} not processed`);
    console.log(`  ack latency p50 ${ms(percentile(report.steady.map((a) => a.latency), 50))}, p99 ${ms(percentile(report.steady.map((a) => a.latency), 99))}`);
    console.log(`  lag ack -> card state committed p50 ${ms(percentile(lags, 50))}, p95 ${ms(percentile(lags, 95))} (target p95 <= 1000 ms), max ${ms(Math.max(...lags))}`);
    console.log(`  (${report.bytes} B per delivery; processedAt is stamped in the processing transaction just before its commit)`);

    await stopWebhookWorker();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  } finally {
    await database.close();
    await scratch.drop();
  }
}

if (process.env.BENCH_ROLE === "client") {
  process.once("message", (job: ClientJob) => {
    runClient(job).then(
      (report) => process.send!({ report }, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
} else {
  runServer().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
