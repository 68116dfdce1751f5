import "server-only";
// Multi-row inserts as one plain SQL statement. Prisma's createMany(AndReturn) costs several
// milliseconds of CPU per call to plan, which dominated webhook throughput; this costs one round
// trip and the parameters. Table and column names are constants of the callers, never input.
import type { Tx } from "../../db";

/**
 * `INSERT … VALUES (…), (…) ON CONFLICT DO NOTHING RETURNING …` with $n parameters: the rows
 * actually inserted come back; rows that hit a unique constraint are skipped. Dates become ISO
 * strings, which timestamp columns read as UTC whatever the session's time zone.
 */
export function insertStatement(table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>, returning: readonly string[]) {
  const names = (list: readonly string[]) => list.map((name) => `"${name}"`).join(", ");
  const values: unknown[] = [];
  const tuples = rows.map((row) => `(${row.map((value) => values.push(value instanceof Date ? value.toISOString() : value)).map((n) => `$${n}`).join(", ")})`);
  const text = `INSERT INTO "${table}" (${names(columns)}) VALUES ${tuples.join(", ")} ON CONFLICT DO NOTHING RETURNING ${names(returning)}`;
  return { text, values };
}

/**
 * Row order for inserts into tables whose key leads the row: concurrent transactions inserting
 * overlapping keys in the same order wait for each other without deadlocking.
 */
export function byValues(a: readonly unknown[], b: readonly unknown[]): number {
  const [x, y] = [a.join("\u0000"), b.join("\u0000")];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `insertStatement` run in a Prisma transaction. `rows` must not be empty. */
export function insertIgnoringConflicts<R>(tx: Tx, table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>, returning: readonly string[]): Promise<R[]> {
  const { text, values } = insertStatement(table, columns, rows, returning);
  return tx.$queryRawUnsafe<R[]>(text, ...values);
}
