import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { currentDatabase, type SqlTx } from "./database";

export type { SqlTx };

/**
 * The Prisma client of the process-wide database. A proxy so importers need no async set-up: the
 * server opens the database before it serves, and tests install their own with `setDatabase`.
 */
export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const prisma = currentDatabase().prisma;
    const value = Reflect.get(prisma, property);
    return typeof value === "function" ? value.bind(prisma) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** A Prisma transaction seen as raw SQL, for code that also runs in the database's own transactions. */
export function sqlTx(tx: Tx): SqlTx {
  return {
    query: <T,>(sql: Prisma.Sql) => tx.$queryRaw<T[]>(sql),
    execute: async (sql: Prisma.Sql) => void (await tx.$executeRaw(sql)),
  };
}

/** One statement outside Prisma and any transaction (see Database.query): for per-request reads. */
export function sqlQuery<T>(sql: Prisma.Sql): Promise<T[]> {
  return currentDatabase().query<T>(sql.text, sql.values);
}

/** A raw-SQL transaction outside Prisma (see Database.transaction): for latency-bound writes. */
export function sqlTransaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
  return currentDatabase().transaction(work);
}

/** Tables a bulk write changes a lot; see `refreshPlannerStatistics`. */
export type BulkWrittenTable = "Card" | "CardEvent" | "CardColumnEntry" | "ColumnDayFlow" | "CardComment" | "ChecklistItem";

/**
 * ANALYZE after a bulk write: the embedded database never runs autovacuum, and PostgreSQL's may not
 * have run yet, so without fresh statistics the planner takes tens of thousands of imported rows for
 * none and picks nested loops (a reports query measured at 27 s instead of 160 ms).
 */
export async function refreshPlannerStatistics(tables: readonly BulkWrittenTable[]): Promise<void> {
  await currentDatabase().query(`ANALYZE ${tables.map((table) => `"${table}"`).join(", ")}`, []);
}
