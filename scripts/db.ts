// Database commands: migrate | migration <name> | check | seed | prepare.
// Migrations are authored and drift-checked through Prisma's WebAssembly schema engine (the native
// one cannot be downloaded here) and applied by our own runner; see README "Migrations".
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { openDatabase, setDatabase, type DatabaseConfig } from "@/lib/server/database";
import { env } from "@/lib/server/env";
import { ensureInstanceSecret } from "@/lib/server/instance-secret";
import { migrationsDir, pendingSchemaChange } from "./lib/schema-engine";

function databaseConfig(): DatabaseConfig {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.DATA_DIR };
}

async function withDatabase<T>(work: (database: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const database = openDatabase(databaseConfig());
  setDatabase(database);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

function timestamp(date = new Date()) {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function main() {
  const [command, name] = process.argv.slice(2);
  switch (command) {
    case "migration": {
      if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:migration -- <name> (lower-case letters, digits, _)");
      const sql = await pendingSchemaChange();
      if (!sql) return console.log("schema.prisma and the migrations agree: nothing to write.");
      const dir = path.join(migrationsDir, `${timestamp()}_${name}`);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, "migration.sql"), sql + "\n");
      await writeFile(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
      return console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
    }
    case "check": {
      const sql = await pendingSchemaChange();
      if (!sql) return console.log("db:check: schema.prisma and prisma/migrations agree.");
      console.error("db:check: schema.prisma differs from prisma/migrations. Run `npm run db:migration -- <name>`. Missing SQL:\n" + sql);
      process.exitCode = 1;
      return;
    }
    case "migrate":
      return withDatabase(async (database) => {
        const applied = await database.migrate();
        console.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
      });
    case "seed":
    case "prepare":
      return withDatabase(async (database) => {
        await database.migrate();
        await ensureInstanceSecret(database);
        const { seedDemo } = await import("@/prisma/seed");
        const force = command === "seed" || env.SEED_DEMO === "always";
        if (!force && !(env.SEED_DEMO === "auto" && database.kind === "pglite")) return;
        const seeded = await seedDemo({ onlyIfEmpty: !force });
        if (!seeded && command === "seed") console.log("The demo workspace (project DEMO) already exists: nothing seeded.");
      });
    default:
      throw new Error("usage: tsx scripts/db.ts migrate|migration <name>|check|seed|prepare");
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
