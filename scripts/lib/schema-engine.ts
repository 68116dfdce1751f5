// Prisma's schema engine compiled to WebAssembly, run against a throw-away in-memory PGlite.
// The native engine cannot be downloaded on our machines (see README, "Migrations"), so authoring
// migrations and the drift check go through this instead of `prisma migrate`.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";

const require = createRequire(import.meta.url);
// Overridable so the drift check can be exercised on a copy of prisma/ (see its test).
export const schemaPath = path.resolve(process.env.SHIPBOARD_SCHEMA ?? "prisma/schema.prisma");
export const migrationsDir = path.resolve(process.env.SHIPBOARD_MIGRATIONS ?? "prisma/migrations");

async function loadEngine() {
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": engineModule as unknown as WebAssembly.ModuleImports,
  });
  engineModule.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  const schema = await readFile(schemaPath, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(new PGlite("memory://")) as never);
  const engine = await engineModule.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] } as never,
    () => {},
    adapter,
  );
  return { engine, schema };
}

async function migrationList() {
  const names = (await readdir(migrationsDir).catch(() => [] as string[])).filter((n) => /^\d{14}_/.test(n)).sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      return { path: name, migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: await readFile(file, "utf8") } } };
    }),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"' },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** SQL that takes the database produced by the migrations folder to `schema.prisma`; "" when in sync. */
export async function pendingSchemaChange(): Promise<string> {
  const { engine, schema } = await loadEngine();
  const result = await engine.diff({
    from: { tag: "migrations", ...(await migrationList()) },
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  } as never);
  const sql = (result as { stdout: string | null }).stdout ?? "";
  return sql.replace(/^-- This is an empty migration\.\s*$/m, "").trim();
}
