// Several stateless instances on one PostgreSQL database (run only when E2E_DB=postgres).
import { expect, test } from "@playwright/test";
import pg from "pg";
import { databaseEnv, opsPort, scratchPostgres, seed, signedInClient, startServer, type Server } from "./servers";

test.setTimeout(240_000);

test("two instances started at the same moment on a fresh database both come up, migrations applied once, and SSE fans out across them", async () => {
  const databaseUrl = await scratchPostgres();
  const env = databaseEnv({ databaseUrl });
  const [a, b] = await Promise.all([startServer(opsPort(21), env), startServer(opsPort(22), env)]);
  const servers: Server[] = [a, b];
  try {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name`);
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.n === 1)).toBe(true);

    seed(env);
    const onA = await signedInClient(a.url, "dev@example.com");
    const onB = await signedInClient(b.url, "dev@example.com");
    const board = await (await onA.get("/api/v1/projects/DEMO/board")).json();
    const [from, to] = [board.columns[0], board.columns.find((column: { category: string }) => column.category.toUpperCase() === "DONE")];
    const cookies = (await onB.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const abort = new AbortController();
    const stream = await fetch(`${b.url}/api/v1/projects/DEMO/events`, { headers: { cookie: cookies, accept: "text/event-stream" }, signal: abort.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const arrivalOf = async (key: string) => {
      while (!new RegExp(`event: card.moved\ndata: \\{"key":"${key}"`).test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended after: ${text}`);
        text += decoder.decode(value);
      }
      return performance.now();
    };
    // Subscribe on instance B, move through instance A. The first move warms both instances up.
    const moveOnA = (card: { key: string; version: number }) => onA.post(`/api/v1/cards/${card.key}/move`, { data: { toColumnId: to.id, version: card.version } });
    const [warmUp, measured] = from.cards as Array<{ key: string; version: number }>;
    expect((await moveOnA(warmUp!)).status()).toBe(200);
    await arrivalOf(warmUp!.key);
    const sent = performance.now();
    const arrived = arrivalOf(measured!.key);
    expect((await moveOnA(measured!)).status()).toBe(200);
    const latency = (await arrived) - sent;
    console.log(`multi-instance: move on A reached an SSE client of B after ${latency.toFixed(0)} ms`);
    expect(latency).toBeLessThan(1000);
    abort.abort();
  } finally {
    for (const server of servers) server.process.kill("SIGTERM");
    await Promise.all(servers.map((server) => server.exited));
  }
});
