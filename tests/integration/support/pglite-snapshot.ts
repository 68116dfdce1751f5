// Vitest global setup for the PGlite integration run: migrates one in-memory database, dumps its
// data folder to a file, and hands the path to the test files (SHIPBOARD_TEST_SNAPSHOT), which
// load it instead of migrating from scratch: about 1 s per file instead of 5.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, readMigrations, type SqlSession } from "../../../lib/server/migrations";

export default async function setup() {
  if (process.env.TEST_DB === "postgres") return;
  const client = new PGlite("memory://");
  const session: SqlSession = {
    query: async <T,>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows,
    exec: async (sql) => void (await client.exec(sql)),
  };
  await applyMigrations(session, await readMigrations());
  const dir = await mkdtemp(path.join(os.tmpdir(), "shipboard-snapshot-"));
  const file = path.join(dir, "migrated.tar.gz");
  await writeFile(file, Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer()));
  await client.close();
  process.env.SHIPBOARD_TEST_SNAPSHOT = file;
  return () => rm(dir, { recursive: true, force: true });
}
