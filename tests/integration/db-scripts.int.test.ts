// `npm run db:migrate` and `npm run db:seed` exactly as the README shows them: on a fresh embedded
// data folder, or (TEST_DB=postgres) with DATABASE_URL on a scratch PostgreSQL database.
// db:check and db:migration run in db-check.pglite.int.test.ts, db:generate in scripts/test.mjs.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/server/database";
import { createScratchPostgres, testDbKind } from "@/lib/server/testing/test-database";

const run = promisify(execFile);

let target: { env: Record<string, string>; open: () => Database; dispose: () => Promise<void> };

beforeAll(async () => {
  if (testDbKind === "postgres") {
    const scratch = await createScratchPostgres();
    // On PostgreSQL the secret is required (README): the scripts get it as a server would.
    target = { env: { DATABASE_URL: scratch.url, AUTH_SECRET: "db-scripts-test-secret-0123456789abcdef" }, open: () => openDatabase({ kind: "postgres", url: scratch.url }), dispose: scratch.drop };
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "shipboard-db-scripts-"));
    target = { env: { DATA_DIR: dataDir }, open: () => openDatabase({ kind: "pglite", dataDir }), dispose: () => rm(dataDir, { recursive: true, force: true }) };
  }
});
afterAll(() => target.dispose());

async function npmRun(script: string) {
  // On the embedded database, without AUTH_SECRET, the scripts resolve the instance secret as `npm start` does.
  const { DATABASE_URL: _url, AUTH_SECRET: _secret, ...inherited } = process.env;
  const { stdout } = await run("npm", ["run", script], { env: { ...inherited, DEMO_PASSWORD: "demo-scripts-password", ...target.env }, timeout: 300_000 });
  return stdout;
}

/** Reads the database between two script runs (the embedded one admits one process at a time). */
async function inspect<T>(read: (database: Database) => Promise<T>): Promise<T> {
  const database = target.open();
  try {
    return await read(database);
  } finally {
    await database.close();
  }
}

describe("db:* scripts", { timeout: 420_000 }, () => {
  it("db:migrate applies every migration to a fresh database, then finds nothing to do", async () => {
    expect(await npmRun("db:migrate")).toMatch(/applied \d{14}_/);
    expect(await npmRun("db:migrate")).toContain("database is up to date");
  });

  it("db:seed seeds the demo workspace and prints the logins; a second run changes nothing", async () => {
    const output = await npmRun("db:seed");
    for (const email of ["admin@example.com", "po@example.com", "dev@example.com", "viewer@example.com"]) expect(output).toContain(email);
    expect(output).toContain("Password: the value of DEMO_PASSWORD");
    const counts = () => inspect(async ({ prisma }) => ({ projects: await prisma.project.count({ where: { key: "DEMO" } }), cards: await prisma.card.count(), events: await prisma.cardEvent.count() }));
    const seeded = await counts();
    expect(seeded.projects).toBe(1);
    expect(seeded.cards).toBeGreaterThan(30);

    expect(await npmRun("db:seed")).toContain("already exists: nothing seeded");
    expect(await counts()).toEqual(seeded);
  });
});
