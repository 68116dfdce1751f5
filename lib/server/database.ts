// The one database connection of a process: embedded PGlite in DATA_DIR by default, PostgreSQL when
// DATABASE_URL is set. Everything else sees a PrismaClient plus listen/notify for realtime fan-out.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations, readMigrations, type SqlSession } from "./migrations";

/** `snapshot`: a PGlite data folder dump to start an in-memory database from (tests). */
export type DatabaseConfig = { kind: "pglite"; dataDir: string; snapshot?: Blob } | { kind: "postgres"; url: string; poolSize?: number };

export interface Database {
  kind: DatabaseConfig["kind"];
  prisma: PrismaClient;
  /** Applies pending migrations; returns their names. */
  migrate(): Promise<string[]>;
  /** Subscribes to NOTIFY on a channel; every instance on the same database receives it. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Plain SQL with $1… parameters, outside Prisma and outside any transaction, for hot paths where
   * Prisma's per-call cost dominates (webhook intake). Pass times as ISO strings.
   */
  query<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export class DataDirInUseError extends Error {}

const LOCK_FILE = "shipboard.lock";

/** Claims DATA_DIR for this process, so a second process gets a clear error instead of a corrupt database. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockPath, "utf8"));
      if (owner && isAlive(owner)) {
        throw new DataDirInUseError(
          `The embedded database in ${path.resolve(dataDir)} is in use by process ${owner} (a running Shipboard server). ` +
            `Stop that server first, or talk to it through its HTTP API.`,
        );
      }
      rmSync(lockPath, { force: true }); // left behind by a process that died
    }
  }
  throw new DataDirInUseError(`Could not lock ${lockPath}`);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function openPglite(dataDir: string, snapshot?: Blob): Database {
  const inMemory = dataDir.startsWith("memory://");
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  const client = new PGlite(inMemory ? dataDir : path.resolve(dataDir), { loadDataDir: snapshot });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
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
    // PGlite has one session: going through Prisma keeps the query out of Prisma's open transactions.
    query: (sql, params) => prisma.$queryRawUnsafe(sql, ...params),
    close: async () => {
      await prisma.$disconnect();
      await client.close();
      unlock();
    },
  };
}

function openPostgres(url: string, poolSize = 10): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
  const listeners: pg.Client[] = [];
  let plain: pg.Pool | undefined;
  const dedicatedClient = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  };
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
    listen: async (channel, onPayload) => {
      // LISTEN needs a connection of its own: pooled connections are shared and recycled.
      const client = await dedicatedClient();
      client.on("notification", (message) => message.channel === channel && onPayload(message.payload ?? ""));
      client.on("error", (error) => console.error(`LISTEN ${channel} connection failed`, error));
      await client.query(`LISTEN "${channel.replace(/"/g, "")}"`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end();
      };
    },
    query: async <T,>(sql: string, params: readonly unknown[]) => {
      plain ??= new pg.Pool({ connectionString: url, max: Math.max(2, Math.ceil(poolSize / 4)) });
      return (await plain.query(sql, [...params])).rows as T[];
    },
    close: async () => {
      await Promise.all(listeners.map((client) => client.end().catch(() => {})));
      await plain?.end();
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
