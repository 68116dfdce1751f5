import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlTx } from "../db";

const RANKED = { Card: "boardRank", Column: "rank" } as const;

/**
 * Writes fresh order keys (from `rebalance`) to rows of one ordered list. PostgreSQL checks the
 * unique (list, rank) index row by row, so a new key may clash with an old key of a row not yet
 * rewritten: every row is parked on "~" + id (outside the key alphabet, sorts after every key)
 * first, then given its key. Two statements however long the list.
 */
export async function rewriteRanks(tx: SqlTx, table: keyof typeof RANKED, ranks: ReadonlyMap<string, string>) {
  if (ranks.size === 0) return;
  const ids = [...ranks.keys()];
  const keys = [...ranks.values()];
  const target = Prisma.raw(`"${table}"`);
  const field = Prisma.raw(`"${RANKED[table]}"`);
  await tx.execute(Prisma.sql`UPDATE ${target} SET ${field} = '~' || id WHERE id = ANY(${ids}::text[])`);
  await tx.execute(Prisma.sql`UPDATE ${target} AS t SET ${field} = v.rank FROM unnest(${ids}::text[], ${keys}::text[]) AS v(id, rank) WHERE t.id = v.id`);
}
