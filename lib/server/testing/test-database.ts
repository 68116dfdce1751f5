// A fresh, migrated database per test file: in-memory PGlite, or a throw-away PostgreSQL database
// when TEST_DB=postgres (the URL comes from TEST_DATABASE_URL).
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { openDatabase, setDatabase, type Database } from "../database";

export const testDbKind = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";

function serverUrl() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test)");
  return url;
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates a PostgreSQL database on the test server and returns its URL: empty, or a copy of the
 * run's migrated template (tests/integration/support/migrated-snapshot.ts) when `fromTemplate`.
 */
export async function createScratchPostgres({ fromTemplate = false } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `shipboard_test_${randomBytes(6).toString("hex")}`;
  const template = fromTemplate ? process.env.SHIPBOARD_TEST_PG_TEMPLATE : undefined;
  await adminQuery(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export type TestDatabase = Database & { url?: string; dispose(): Promise<void> };

export async function openTestDatabase(): Promise<TestDatabase> {
  if (testDbKind === "postgres") {
    const scratch = await createScratchPostgres({ fromTemplate: true });
    const database = openDatabase({ kind: "postgres", url: scratch.url, poolSize: 20 });
    await database.migrate();
    setDatabase(database);
    return { ...database, url: scratch.url, dispose: async () => (await database.close(), await scratch.drop(), setDatabase(undefined)) };
  }
  // The migrated snapshot of the run (tests/integration/support/migrated-snapshot.ts), when there is
  // one; migrate() then only confirms that it is current.
  const snapshotFile = process.env.SHIPBOARD_TEST_SNAPSHOT;
  const snapshot = snapshotFile ? new Blob([await readFile(snapshotFile)]) : undefined;
  const database = openDatabase({ kind: "pglite", dataDir: "memory://", snapshot });
  await database.migrate();
  setDatabase(database);
  return { ...database, dispose: async () => (await database.close(), setDatabase(undefined)) };
}
