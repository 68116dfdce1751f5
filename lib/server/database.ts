// The one database connection of a process: embedded PGlite in DATA_DIR by default, PostgreSQL when
// DATABASE_URL is set. Everything else sees a PrismaClient plus listen/notify for realtime fan-out.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { lockDataDir } from "./data-dir-lock";
import { logger } from "./logger";
import { applyMigrations, readMigrations, type SqlSession } from "./migrations";

export { DataDirInUseError } from "./data-dir-lock";

/** `snapshot`: a PGlite data folder dump to start an in-memory database from (tests). */
export type DatabaseConfig = { kind: "pglite"; dataDir: string; snapshot?: Blob } | { kind: "postgres"; url: string; poolSize?: number };

export interface Database {
  kind: DatabaseConfig["kind"];
  prisma: PrismaClient;
  /** Applies pending migrations; returns their names. */
  migrate(): Promise<string[]>;
  /**
   * Subscribes to NOTIFY on a channel; every instance on the same database receives it. `onLost`
   * is called once if the subscription ends by itself (its connection was terminated, the server
   * restarted or failed over): nothing more arrives, and the caller listens again.
   */
  listen(channel: string, onPayload: (payload: string) => void, onLost?: (error: Error) => void): Promise<() => Promise<void>>;
  /**
   * Plain SQL with $1… parameters, outside Prisma and outside any transaction, for hot paths where
   * Prisma's per-call cost dominates (webhook intake, authentication and authorization).
   */
  query<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
  /**
   * A transaction of raw SQL on the driver itself, outside Prisma, whose interactive transaction
   * costs about twice as much (the board move). Commits when `work` resolves, rolls back when it throws.
   */
  transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Raw SQL inside a transaction: the database's own (see Database.transaction), or Prisma's (db.ts). */
export interface SqlTx {
  query<T>(sql: Prisma.Sql): Promise<T[]>;
  /** For statements whose result columns Prisma cannot read (e.g. pg_notify's void). */
  execute(sql: Prisma.Sql): Promise<void>;
}

const TIMESTAMP_OID = 1114;
/** `timestamp` columns hold UTC (as Prisma writes them); the drivers' default would read local time. */
const utcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
/** Dates travel as ISO strings (UTC), whatever the driver's own conversion would do. */
const driverValues = (values: readonly unknown[]) => values.map((value) => (value instanceof Date ? value.toISOString() : value));

/** A connection attempt to an unreachable server fails after this long instead of hanging. */
const CONNECT_TIMEOUT_MS = 5_000;

function openPglite(dataDir: string, snapshot?: Blob): Database {
  const inMemory = dataDir.startsWith("memory://");
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  const client = new PGlite(inMemory ? dataDir : path.resolve(dataDir), { loadDataDir: snapshot });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  const parsers = { [TIMESTAMP_OID]: utcTimestamp };
  const session: SqlSession = {
    query: async <T,>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows,
    exec: async (sql) => void (await client.exec(sql)),
  };
  return {
    kind: "pglite",
    prisma,
    migrate: async () => applyMigrations(session, await readMigrations()),
    listen: async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return async () => unlisten();
    },
    // PGlite has one session, and runs a query only between transactions (Prisma's, whose adapter
    // uses the same PGlite.transaction, or the one below).
    query: async <T,>(sql: string, params: readonly unknown[]) => (await client.query<T>(sql, driverValues(params), { parsers })).rows,
    transaction: (work) =>
      client.transaction((tx) => {
        const run = (sql: Prisma.Sql) => tx.query(sql.text, driverValues(sql.values), { parsers });
        return work({ query: async <T,>(sql: Prisma.Sql) => (await run(sql)).rows as T[], execute: async (sql) => void (await run(sql)) });
      }),
    close: async () => {
      await prisma.$disconnect();
      await client.close();
      unlock();
    },
  };
}

function openPostgres(url: string, poolSize = 10): Database {
  let closing = false;
  // Connections the server closed (restart, failover, pg_terminate_backend) are dropped by the
  // pools, which open new ones on demand. (On close, pg ends the sockets after end() resolves: a
  // server closing them then is expected.)
  const idleConnectionFailed = (error: Error) => closing || logger.warn({ err: error }, "an idle PostgreSQL connection failed; the pool replaces it");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }, { onPoolError: idleConnectionFailed }) });
  const listeners: pg.Client[] = [];
  let plain: Promise<pg.Pool> | undefined;
  // Keep-alive probes notice a server that vanished without closing the socket (failover).
  const dedicatedClient = async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    return client;
  };
  // The pool outside Prisma (query, transaction). It stores webhook bodies: lz4 compresses them
  // several times faster than the default pglz, where the server was built with it.
  const createPlainPool = async () => {
    const probe = await dedicatedClient();
    const lz4 = await probe
      .query<{ ok: boolean }>(`SELECT 'lz4' = ANY(enumvals) AS ok FROM pg_settings WHERE name = 'default_toast_compression'`)
      .finally(() => probe.end());
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      options: lz4.rows[0]?.ok ? "-c default_toast_compression=lz4" : undefined,
      types: { getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === TIMESTAMP_OID ? utcTimestamp : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
    });
    pool.on("error", idleConnectionFailed);
    return pool;
  };
  const plainPool = () =>
    (plain ??= createPlainPool().catch((error: unknown) => {
      plain = undefined; // the database may be back on the next call
      throw error;
    }));
  return {
    kind: "postgres",
    prisma,
    migrate: async () => {
      const client = await dedicatedClient();
      try {
        const session: SqlSession = {
          query: async <T,>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
          exec: async (sql) => void (await client.query(sql)),
        };
        return await applyMigrations(session, await readMigrations());
      } finally {
        await client.end();
      }
    },
    listen: async (channel, onPayload, onLost) => {
      // LISTEN needs a connection of its own: pooled connections are shared and recycled.
      const client = await dedicatedClient();
      let listening = false;
      const stop = () => {
        const index = listeners.indexOf(client);
        if (index >= 0) listeners.splice(index, 1);
        return client.end();
      };
      const lost = (error: Error) => {
        if (!listening) return; // before LISTEN succeeded, the failure is thrown instead
        listening = false;
        void stop().catch(() => {});
        if (!closing) onLost?.(error);
      };
      client.on("notification", (message) => message.channel === channel && onPayload(message.payload ?? ""));
      client.on("error", lost);
      client.on("end", () => lost(new Error("The LISTEN connection was closed.")));
      try {
        await client.query(`LISTEN "${channel.replace(/"/g, "")}"`);
      } catch (error) {
        await client.end().catch(() => {});
        throw error;
      }
      listening = true;
      listeners.push(client);
      return async () => {
        if (!listening) return;
        listening = false;
        await stop();
      };
    },
    query: async <T,>(sql: string, params: readonly unknown[]) => (await (await plainPool()).query(sql, driverValues(params))).rows as T[],
    transaction: async (work) => {
      const client = await (await plainPool()).connect();
      let broken: Error | undefined;
      // A connection cut between two statements (restart, failover) is reported here, not thrown
      // out of the process: the next statement fails, and release() drops the connection.
      const cut = (error: Error) => (broken = error);
      client.on("error", cut);
      try {
        await client.query("BEGIN");
        const run = (sql: Prisma.Sql) => client.query(sql.text, driverValues(sql.values));
        const result = await work({ query: async <T,>(sql: Prisma.Sql) => (await run(sql)).rows as T[], execute: async (sql) => void (await run(sql)) });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.removeListener("error", cut);
        client.release(broken);
      }
    },
    close: async () => {
      closing = true;
      await Promise.all(listeners.map((client) => client.end().catch(() => {})));
      await (await plain?.catch(() => undefined))?.end();
      await prisma.$disconnect();
    },
  };
}

export function openDatabase(config: DatabaseConfig): Database {
  return config.kind === "pglite" ? openPglite(config.dataDir, config.snapshot) : openPostgres(config.url, config.poolSize);
}

const GLOBAL_KEY = Symbol.for("shipboard.database");
type GlobalWithDatabase = typeof globalThis & { [GLOBAL_KEY]?: Database };

/** Installs the process-wide database (server start-up, tests). */
export function setDatabase(database: Database | undefined) {
  (globalThis as GlobalWithDatabase)[GLOBAL_KEY] = database;
}

/** The process-wide database; shared through globalThis so the custom server and Next's bundles see one. */
export function currentDatabase(): Database {
  const database = (globalThis as GlobalWithDatabase)[GLOBAL_KEY];
  if (!database) throw new Error("The database is not open yet (start Shipboard with `npm start`).");
  return database;
}
