// Vitest global setup: migrates the database once per run and lets each test file start from that
// copy instead of migrating from scratch. PGlite: one in-memory database dumped to a file
// (SHIPBOARD_TEST_SNAPSHOT), about 1 s per file instead of 5. PostgreSQL: a template database
// (SHIPBOARD_TEST_PG_TEMPLATE) that each scratch database is created from.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, readMigrations, type SqlSession } from "../../../lib/server/migrations";
import { openDatabase } from "../../../lib/server/database";
import { createScratchPostgres } from "../../../lib/server/testing/test-database";

async function postgresTemplate() {
  const template = await createScratchPostgres();
  const database = openDatabase({ kind: "postgres", url: template.url, poolSize: 1 });
  await database.migrate();
  // A template must have no open connection while databases are created from it.
  await database.close();
  process.env.SHIPBOARD_TEST_PG_TEMPLATE = new URL(template.url).pathname.slice(1);
  return template.drop;
}

async function pgliteSnapshot() {
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

export default async function setup() {
  return process.env.TEST_DB === "postgres" ? postgresTemplate() : pgliteSnapshot();
}
