import "server-only";
// Durable webhook queue: WebhookDelivery rows with status "pending" are the queue. Workers claim
// batches with FOR UPDATE SKIP LOCKED and a lease (`lockedUntil`), so several instances on one
// PostgreSQL share the work and a delivery whose worker died mid-way is picked up again when its
// lease expires. A claimed batch is processed and marked in one transaction: effects and
// "processed" statuses commit together (a failing batch falls back to one delivery per
// transaction). Failures retry with exponential backoff, then end "failed". Lag: a 202 wakes this
// process's worker at once; other instances find new work within POLL_MS.
import { stageRulesSchema } from "@/lib/validation/integrations";
import type { Provider } from "@/lib/domain/pipeline/types";
import { currentDatabase } from "./database";
import { db, type Tx } from "./db";
import { logger } from "./logger";
import type { IntegrationContext, ProcessOutcome } from "./services/pipeline/prepare";
import { processBatch } from "./services/pipeline/process-batch";

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 30_000;
const POLL_MS = 500;
/**
 * After a wake-up the worker waits this long before claiming, so deliveries arriving together
 * are processed in one transaction: under load, far fewer statements per delivery for a few
 * tens of milliseconds of lag. (100 rather than 40 ms: a third less CPU per delivery under a
 * burst in bench:webhooks, about 1,000 → 1,300 acknowledgements per second, for ~60 ms more lag.)
 */
const LINGER_MS = 100;
/**
 * Deliveries claimed and processed together, in one transaction. A batch costs a fixed number of
 * statements, so under a burst bigger batches cost less per delivery (200 rather than 50: about
 * 10% more acknowledgements per second in bench:webhooks, as processing takes less of the CPU).
 */
const BATCH_SIZE = 200;
/** Batches in flight at once, each holding one pooled connection. */
const CONCURRENCY = 2;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 10 * 60_000;
/** Finished deliveries are kept this long for the log and for duplicate detection. */
const RETENTION_MS = 30 * 24 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;

type Claimed = { id: string; integrationId: string; event: string; body: string | null; attempts: number; receivedAt: Date };

interface WorkerState {
  running: boolean;
  loop: Promise<void> | null;
  inFlight: Set<Promise<void>>;
  /** Set by wake(); the loop claims again instead of sleeping. */
  signalled: boolean;
  /** The last claim filled every free slot, so more may be waiting. */
  backlog: boolean;
  wakeUp: (() => void) | null;
  hookRegistered: boolean;
  lastPrune: number;
  lastErrorLog: number;
}

const STATE_KEY = Symbol.for("shipboard.webhookWorker");
type GlobalWithWorker = typeof globalThis & { [STATE_KEY]?: WorkerState };

// On globalThis: the custom server and Next's route bundles load this module separately.
function state(): WorkerState {
  const global = globalThis as GlobalWithWorker;
  global[STATE_KEY] ??= { running: false, loop: null, inFlight: new Set(), signalled: false, backlog: false, wakeUp: null, hookRegistered: false, lastPrune: Date.now(), lastErrorLog: 0 };
  return global[STATE_KEY];
}

/** Backoff before attempt n+1: 5 s, 10 s, 20 s, … capped at 10 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

async function claim(limit: number): Promise<Claimed[]> {
  const now = Date.now();
  // The lease counts as an attempt, so a delivery that crashes the process every time still ends
  // "failed". Outside Prisma (Database.query): it carries every claimed body.
  return currentDatabase().query<Claimed>(
    `UPDATE "WebhookDelivery" SET "lockedUntil" = $1, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM "WebhookDelivery"
       WHERE status = 'pending' AND "nextAttemptAt" <= $2 AND ("lockedUntil" IS NULL OR "lockedUntil" < $2)
       ORDER BY "receivedAt" LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING id, "integrationId", event, body, attempts, "receivedAt"`,
    [new Date(now + LEASE_MS), new Date(now), limit],
  );
}

async function integrationsOf(rows: Claimed[]): Promise<Map<string, IntegrationContext>> {
  const integrations = await db.integration.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.integrationId))] } },
    select: { id: true, projectId: true, provider: true, repository: true, stageRules: true, project: { select: { key: true } } },
  });
  return new Map(
    integrations.map((integration) => {
      const rules = stageRulesSchema.safeParse(integration.stageRules);
      return [
        integration.id,
        {
          id: integration.id,
          projectId: integration.projectId,
          projectKey: integration.project.key,
          provider: integration.provider as Provider,
          repository: integration.repository,
          stageRules: rules.success ? rules.data : undefined,
        },
      ];
    }),
  );
}

async function markDone(tx: Tx, outcomes: Map<string, ProcessOutcome>) {
  if (outcomes.size === 0) return;
  const entries = [...outcomes];
  await tx.$executeRaw`
    UPDATE "WebhookDelivery" AS d
    SET status = v.status, result = v.result::jsonb, "processedAt" = ${new Date()}, "lockedUntil" = NULL, "lastError" = NULL
    FROM unnest(${entries.map(([id]) => id)}::text[], ${entries.map(([, o]) => o.status)}::text[], ${entries.map(([, o]) => JSON.stringify(o.result))}::text[]) AS v(id, status, result)
    WHERE d.id = v.id`;
}

async function retryLater(row: Claimed, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const failed = row.attempts >= MAX_ATTEMPTS;
  if (failed) logger.error({ deliveryId: row.id, attempts: row.attempts, err: error }, "webhook delivery failed for good");
  else logger.warn({ deliveryId: row.id, attempts: row.attempts, error: message }, "webhook delivery processing failed; will retry");
  await db.webhookDelivery
    .update({
      where: { id: row.id },
      data: { status: failed ? "failed" : "pending", lastError: message.slice(0, 2000), lockedUntil: null, nextAttemptAt: new Date(Date.now() + retryDelayMs(row.attempts)) },
      select: { id: true },
    })
    .catch((updateError: unknown) => logger.error({ deliveryId: row.id, err: updateError }, "could not record the failure; the lease will expire"));
}

/**
 * Processes claimed deliveries in one transaction; their effects and "processed" marks commit
 * together. When the batch fails, each delivery is tried alone, so one bad delivery cannot hold
 * back the others; a delivery failing alone is retried later.
 */
async function handle(rows: Claimed[], integrations: Map<string, IntegrationContext>): Promise<void> {
  const due: Claimed[] = [];
  for (const row of rows) {
    if (row.attempts > MAX_ATTEMPTS) await retryLater(row, new Error(`Gave up after ${MAX_ATTEMPTS} attempts; the worker stopped while processing it.`));
    else due.push(row);
  }
  if (due.length === 0) return;
  try {
    await db.$transaction(async (tx) => markDone(tx, await processBatch(tx, due, integrations)), { maxWait: 10_000, timeout: LEASE_MS / 2 });
  } catch (error) {
    if (due.length === 1) return retryLater(due[0]!, error);
    for (const row of due) await handle([row], integrations);
  }
}

async function pruneOldDeliveries() {
  const cutoff = new Date(Date.now() - RETENTION_MS);
  const { count } = await db.webhookDelivery.deleteMany({ where: { status: { not: "pending" }, receivedAt: { lt: cutoff } } });
  if (count) logger.info({ count }, "pruned old webhook deliveries");
}

function sleep(worker: WorkerState, ms: number): Promise<void> {
  if (worker.signalled) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref?.();
    worker.wakeUp = done;
    function done() {
      clearTimeout(timer);
      worker.wakeUp = null;
      resolve();
    }
  });
}

async function runLoop(worker: WorkerState) {
  while (worker.running) {
    worker.signalled = false;
    const room = CONCURRENCY - worker.inFlight.size;
    try {
      if (room > 0) {
        const rows = await claim(BATCH_SIZE);
        worker.backlog = rows.length === BATCH_SIZE;
        if (rows.length) {
          const task = integrationsOf(rows)
            .then((integrations) => handle(rows, integrations))
            .catch((error: unknown) => logger.error({ err: error }, "webhook batch could not be handled; leases will expire"))
            .finally(() => {
              worker.inFlight.delete(task);
              if (worker.backlog) wake();
            });
          worker.inFlight.add(task);
        }
      } else worker.backlog = true;
      if (Date.now() - worker.lastPrune > PRUNE_EVERY_MS) {
        worker.lastPrune = Date.now();
        await pruneOldDeliveries();
      }
    } catch (error) {
      // A database that is down (or not open yet) fails every poll: say so once a minute, not twice a second.
      if (Date.now() - worker.lastErrorLog > 60_000) {
        worker.lastErrorLog = Date.now();
        logger.error({ err: error }, "webhook worker could not claim deliveries; retrying");
      }
    }
    if (worker.running && !(worker.backlog && room > 0)) {
      await sleep(worker, POLL_MS);
      if (worker.signalled && !worker.backlog) await new Promise((resolve) => setTimeout(resolve, LINGER_MS));
    }
  }
}

function wake() {
  const worker = state();
  worker.signalled = true;
  worker.wakeUp?.();
}

/** Tells this process's worker that a delivery is waiting (called after each 202). */
export const wakeWebhookWorker = wake;

/**
 * Starts the worker of this process; idempotent. Registers a shutdown hook (server.ts) that stops
 * claiming and waits for in-flight deliveries.
 */
export function startWebhookWorker(): void {
  const worker = state();
  if (worker.running) return;
  worker.running = true;
  worker.loop = runLoop(worker);
  if (!worker.hookRegistered) {
    worker.hookRegistered = true;
    (globalThis.shipboardShutdownHooks ??= []).push(stopWebhookWorker);
  }
}

/** Stops claiming and waits until the deliveries in flight are processed (or have failed). */
export async function stopWebhookWorker(): Promise<void> {
  const worker = state();
  worker.running = false;
  wake();
  await worker.loop;
  await Promise.all(worker.inFlight);
  worker.loop = null;
}

/** Deliveries due now that another process has claimed and not yet finished. */
function claimedElsewhere(): Promise<number> {
  const now = new Date();
  return db.webhookDelivery.count({ where: { status: "pending", nextAttemptAt: { lte: now }, lockedUntil: { gt: now } } });
}

/**
 * Processes every delivery that is due, in the caller's flow, and returns how many were handled.
 * For tests and the demo seed; the server relies on the worker. With `waitForOtherWorkers`,
 * deliveries a running server's worker has claimed are waited for (or taken over once their lease
 * expires), so that on return every due delivery is processed: the seed then moves cards whose
 * Definition of Done reads what they recorded.
 */
export async function drainWebhookQueue({ waitForOtherWorkers = false } = {}): Promise<number> {
  let handled = 0;
  for (;;) {
    const rows = await claim(BATCH_SIZE);
    if (rows.length > 0) {
      await handle(rows, await integrationsOf(rows));
      handled += rows.length;
    } else if (waitForOtherWorkers && (await claimedElsewhere())) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    } else {
      return handled;
    }
  }
}

declare global {
  var shipboardShutdownHooks: Array<() => Promise<void>> | undefined;
}
