// Applies prisma/migrations to PGlite or PostgreSQL without Prisma's native engine (unavailable
// offline). It keeps Prisma's `_prisma_migrations` format, so `prisma migrate deploy` on a machine
// that has the engine sees the same history, and it holds an advisory lock so instances starting
// together apply each migration once.
import { createHash, randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

/** The little SQL surface the runner needs; implemented for PGlite and for a pg client. */
export interface SqlSession {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const MIGRATIONS_LOCK_ID = 72_707_369; // arbitrary, constant: "shipboard migrations"

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export const defaultMigrationsDir = path.resolve(process.cwd(), "prisma/migrations");

export async function readMigrations(dir = defaultMigrationsDir): Promise<Migration[]> {
  const names = (await readdir(/* turbopackIgnore: true */ dir)).filter((name) => /^\d{14}_/.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/* turbopackIgnore: true */ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** Applies pending migrations in order, each in its own transaction; returns the names applied. */
export async function applyMigrations(session: SqlSession, migrations: Migration[]): Promise<string[]> {
  await session.query("SELECT pg_advisory_lock($1)", [MIGRATIONS_LOCK_ID]);
  try {
    await session.exec(CREATE_TABLE);
    const rows = await session.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    const done: string[] = [];
    for (const migration of migrations) {
      const previous = applied.get(migration.name);
      if (previous?.finished_at) {
        if (previous.checksum !== migration.checksum) {
          console.warn(`migration ${migration.name} was edited after it was applied (checksum differs)`);
        }
        continue;
      }
      if (previous) throw new Error(`migration ${migration.name} failed earlier and needs manual repair`);
      await applyOne(session, migration);
      done.push(migration.name);
    }
    return done;
  } finally {
    await session.query("SELECT pg_advisory_unlock($1)", [MIGRATIONS_LOCK_ID]);
  }
}

async function applyOne(session: SqlSession, migration: Migration) {
  await session.exec("BEGIN");
  try {
    await session.exec(migration.sql);
    await session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await session.exec("COMMIT");
  } catch (error) {
    await session.exec("ROLLBACK");
    throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
  }
}
