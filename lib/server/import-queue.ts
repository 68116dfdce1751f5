import "server-only";
// Background imports: ImportRun rows with status QUEUED are the queue (durable like the webhook
// inbox). A run is claimed with a lease, so after a crash or restart it is taken up again once the
// lease expires; its writes and its SUCCEEDED status commit together (services/imports.ts).
import { Prisma } from "@/lib/generated/prisma/client";
import { db, sqlQuery } from "./db";
import { logger } from "./logger";
import { runImport } from "./services/imports";

const LEASE_MS = 20 * 60_000;
const STATE_KEY = Symbol.for("shipboard.importWorker");
type GlobalWithWorker = typeof globalThis & { [STATE_KEY]?: { loop: Promise<void> | null; again: boolean } };

async function claim(): Promise<string | null> {
  const [row] = await sqlQuery<{ id: string }>(Prisma.sql`
    UPDATE "ImportRun" SET status = 'RUNNING', attempts = attempts + 1, "lockedUntil" = now() + ${`${LEASE_MS} milliseconds`}::interval
    WHERE id = (
      SELECT id FROM "ImportRun"
      WHERE (status = 'QUEUED' OR (status = 'RUNNING' AND "lockedUntil" < now())) AND "dryRun" = false
      ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  return row?.id ?? null;
}

/**
 * Runs queued imports one after another in this process. A call while they run asks the loop to
 * look once more and returns the running loop, so awaiting it waits until the queue is empty.
 */
export function wakeImportWorker(): Promise<void> {
  const global = globalThis as GlobalWithWorker;
  const state = (global[STATE_KEY] ??= { loop: null, again: false });
  state.again = true;
  state.loop ??= (async () => {
    try {
      while (state.again) {
        state.again = false;
        for (let id = await claim(); id; id = await claim()) {
          await runImport(id).catch((error) => logger.error({ err: error, importId: id }, "import failed"));
        }
      }
    } finally {
      state.loop = null;
    }
  })();
  return state.loop;
}

/** At start-up: imports a stopped server left queued or half-run are taken up again. */
export function startImportWorker(): void {
  void db.importRun
    .count({ where: { status: { in: ["QUEUED", "RUNNING"] }, dryRun: false } })
    .then((pending) => (pending ? wakeImportWorker() : undefined))
    .catch((error) => logger.error({ err: error }, "import worker could not start"));
}
