// Webhook benchmark on PostgreSQL: acknowledged deliveries per second, ack latency, and the lag
// from the 202 to the card's pipeline state being committed.
//   npm run bench:webhooks    (scratch database on TEST_DATABASE_URL, default the local server)
// Deliveries are signed ~10 KB GitHub workflow_run payloads sent over HTTP (keep-alive, a few
// connections) to a node:http server wrapping the real route handler, with the queue worker
// running in the same process, as in production.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import * as webhookRoute from "@/app/api/webhooks/[provider]/[integrationId]/route";
import { signGithub } from "@/lib/domain/pipeline/verify";
import { ranksBetween } from "@/lib/domain/ranking";
import { openDatabase, setDatabase } from "@/lib/server/database";
import { createIntegration } from "@/lib/server/services/integrations";
import { createScratchPostgres } from "@/lib/server/testing/test-database";
import { startWebhookWorker, stopWebhookWorker } from "@/lib/server/webhook-queue";
import { makeWorld } from "@/prisma/factories";

process.env.AUTH_SECRET ??= "bench-secret-not-for-production";
process.env.LOG_LEVEL ??= "silent";
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/test";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10); // the server's default DATABASE_POOL_SIZE
const BURST = Number(process.env.BENCH_BURST ?? 5_000);
const RATE = 500;
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 10);
const CARDS = 500;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

const fixture = JSON.parse(readFileSync(path.resolve(process.cwd(), "../shared/fixtures/webhooks/github/workflow_run.completed-failure.json"), "utf8"));

/** Delivery n: run n/2 (a start, then its completion), on a branch naming one of the cards; ~10 KB. */
function delivery(n: number, secret: string) {
  const body = structuredClone(fixture.body);
  const completed = n % 2 === 1;
  Object.assign(body.workflow_run, {
    id: 10_000_000 + Math.floor(n / 2),
    head_branch: `feature/BENCH-${(n % CARDS) + 1}-work`,
    status: completed ? "completed" : "in_progress",
    conclusion: completed ? (n % 7 === 0 ? "failure" : "success") : null,
    updated_at: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
  });
  body.action = completed ? "completed" : "in_progress";
  const bytes = Buffer.from(JSON.stringify(body).slice(0, -1) + `,"padding":"${"x".repeat(Math.max(0, 10_240 - JSON.stringify(body).length - 14))}"}`);
  return {
    bytes,
    headers: {
      "content-type": "application/json",
      "content-length": String(bytes.length),
      "x-github-event": "workflow_run",
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": signGithub(secret, bytes),
    },
  };
}

async function startServer() {
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
  return { server, port: (server.address() as AddressInfo).port };
}

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function post(port: number, urlPath: string, payload: ReturnType<typeof delivery>): Promise<{ status: number; id: string; ackedAt: number; latency: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: urlPath, method: "POST", headers: payload.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const latency = performance.now() - started;
        resolve({ status: res.statusCode ?? 0, id: JSON.parse(Buffer.concat(chunks).toString()).id, ackedAt: Date.now(), latency });
      });
    });
    req.on("error", reject);
    req.end(payload.bytes);
  });
}

async function main() {
  const scratch = await createScratchPostgres();
  const database = openDatabase({ kind: "postgres", url: scratch.url, poolSize: POOL_SIZE });
  try {
    await database.migrate();
    setDatabase(database);
    const world = await makeWorld("BENCH");
    const column = await database.prisma.column.findFirstOrThrow({ where: { projectId: world.project.projectId }, orderBy: { rank: "asc" } });
    const ranks = ranksBetween(null, null, CARDS);
    await database.prisma.card.createMany({
      data: ranks.map((rank, i) => ({ projectId: world.project.projectId, number: i + 1, key: `BENCH-${i + 1}`, title: `Card ${i + 1}`, columnId: column.id, boardRank: rank, rank })),
    });
    const integration = await createIntegration(world.project, { provider: "github", name: "bench", repository: "acme/shop" }, "http://localhost");
    const urlPath = `/api/webhooks/github/${integration.id}`;
    const { server, port } = await startServer();
    startWebhookWorker();
    const sample = delivery(0, integration.secret);
    console.log(`PostgreSQL, pool ${POOL_SIZE}, ${CONNECTIONS} connections, ${sample.bytes.length} B per delivery, worker in process`);

    // 1. Throughput: every connection sends its next delivery as soon as the previous one is acked.
    let next = 0;
    const burst: Array<{ latency: number }> = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < BURST) {
          const res = await post(port, urlPath, delivery(next++, integration.secret));
          if (res.status !== 202) throw new Error(`unexpected ${res.status}`);
          burst.push(res);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`throughput: ${BURST} deliveries acked in ${seconds.toFixed(2)} s = ${(BURST / seconds).toFixed(0)} deliveries/s`);
    console.log(`  ack latency p50 ${ms(percentile(burst.map((r) => r.latency), 50))}, p99 ${ms(percentile(burst.map((r) => r.latency), 99))}`);
    const waitIdle = async () => {
      while ((await database.prisma.webhookDelivery.count({ where: { status: "pending" } })) > 0) await new Promise((r) => setTimeout(r, 100));
    };
    await waitIdle();
    console.log(`  backlog processed ${((performance.now() - started) / 1000).toFixed(2)} s after the first delivery`);

    // 2. Lag at a steady 500 deliveries/s: from the 202 to the processing transaction's commit.
    const acks: Array<{ id: string; ackedAt: number; latency: number }> = [];
    const total = RATE * RATE_SECONDS;
    const sends: Promise<void>[] = [];
    const t0 = performance.now();
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      sends.push(post(port, urlPath, delivery(BURST + i, integration.secret)).then((res) => void acks.push(res)));
    }
    await Promise.all(sends);
    const sentFor = (performance.now() - t0) / 1000;
    await waitIdle();
    const rows = await database.prisma.webhookDelivery.findMany({ where: { id: { in: acks.map((a) => a.id) } }, select: { id: true, status: true, processedAt: true } });
    const processedAt = new Map(rows.map((row) => [row.id, row.processedAt?.getTime() ?? NaN]));
    const lags = acks.map((a) => processedAt.get(a.id)! - a.ackedAt);
    const failed = rows.filter((row) => row.status !== "processed").length;
    console.log(`steady rate: ${total} deliveries at ${(total / sentFor).toFixed(0)}/s (target ${RATE}/s), ${failed} not processed`);
    console.log(`  ack latency p50 ${ms(percentile(acks.map((a) => a.latency), 50))}, p99 ${ms(percentile(acks.map((a) => a.latency), 99))}`);
    console.log(`  lag ack -> card state committed p50 ${ms(percentile(lags, 50))}, p95 ${ms(percentile(lags, 95))}, max ${ms(Math.max(...lags))}`);
    console.log("  (lag: processedAt is stamped in the processing transaction just before its commit)");

    await stopWebhookWorker();
    agent.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  } finally {
    await database.close();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
