// SIGTERM in the middle of a burst of API writes: every write that got a 2xx survives a restart.
import { expect, test } from "@playwright/test";
import { databaseEnv, embeddedDataDir, scratchPostgres, opsPort, seed, signedInClient, startServer } from "./servers";

test.setTimeout(240_000);

test("graceful shutdown keeps every acknowledged write", async () => {
  const target = process.env.E2E_DB === "postgres" ? { databaseUrl: await scratchPostgres() } : { dataDir: embeddedDataDir() };
  const env = databaseEnv(target);
  seed(env);
  const server = await startServer(opsPort(10), env);
  const client = await signedInClient(server.url, "dev@example.com");

  const acknowledged: string[] = [];
  const refused: number[] = [];
  let stop = false;
  const writer = async (worker: number) => {
    for (let i = 0; !stop; i++) {
      const title = `burst ${worker}-${i}`;
      const res = await client.post("/api/v1/projects/DEMO/cards", { data: { title } }).catch(() => null);
      if (!res) return; // connection refused: the server is gone
      if (res.status() === 201) acknowledged.push(title);
      else refused.push(res.status());
    }
  };
  const writers = Array.from({ length: 6 }, (_, worker) => writer(worker));
  // Signal once the burst is well under way, while requests are in flight.
  await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThan(30);
  expect(refused).toEqual([]);
  console.log(`durability: ${acknowledged.length} writes acknowledged when SIGTERM was sent`);
  server.process.kill("SIGTERM");
  expect(await server.exited).toBe(0);
  stop = true;
  await Promise.all(writers);
  expect(server.output()).toContain("database closed");

  const restarted = await startServer(opsPort(10), env);
  const again = await signedInClient(restarted.url, "dev@example.com");
  const titles = new Set<string>();
  for (let cursor: number | null = 0; cursor !== null; ) {
    const page: { cards: Array<{ title: string }>; nextCursor: number | null } = await (await again.get(`/api/v1/projects/DEMO/cards?limit=500&cursor=${cursor}`)).json();
    page.cards.forEach((card) => titles.add(card.title));
    cursor = page.nextCursor;
  }
  const lost = acknowledged.filter((title) => !titles.has(title));
  expect(lost).toEqual([]);
  restarted.process.kill("SIGTERM");
  expect(await restarted.exited).toBe(0);
});
