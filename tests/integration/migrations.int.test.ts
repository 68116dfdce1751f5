// The migration tooling: drift check, and concurrent start-ups applying each migration once.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createScratchPostgres, testDbKind } from "@/lib/server/testing/test-database";

const run = promisify(execFile);
const cli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db.ts", ...args], { env: { ...process.env, ...env } });

async function prismaCopy() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "shipboard-prisma-"));
  await cp("prisma", dir, { recursive: true });
  return { schema: path.join(dir, "schema.prisma"), migrations: path.join(dir, "migrations") };
}

describe("db:check", { timeout: 240_000 }, () => {
  it("passes when schema.prisma and the migrations agree", async () => {
    const copy = await prismaCopy();
    const { stdout } = await cli(["check"], { SHIPBOARD_SCHEMA: copy.schema, SHIPBOARD_MIGRATIONS: copy.migrations });
    expect(stdout).toContain("agree");
  });

  it("fails after a change to schema.prisma without a migration, and passes once the migration is written", async () => {
    const copy = await prismaCopy();
    const schema = await readFile(copy.schema, "utf8");
    await writeFile(copy.schema, schema.replace("model Setting {\n", "model Setting {\n  note String?\n"));
    const env = { SHIPBOARD_SCHEMA: copy.schema, SHIPBOARD_MIGRATIONS: copy.migrations };
    const failure = await cli(["check"], env).then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('ALTER TABLE "Setting" ADD COLUMN     "note" TEXT');
    await cli(["migration", "add_setting_note"], env);
    expect((await readdir(copy.migrations)).some((name) => name.endsWith("_add_setting_note"))).toBe(true);
    await expect(cli(["check"], env)).resolves.toBeTruthy();
  }, 240_000); // three runs of the WebAssembly schema engine
});

describe.runIf(testDbKind === "postgres")("concurrent start-up on one fresh PostgreSQL database", () => {
  it("applies each migration exactly once when several instances migrate at the same moment", async () => {
    const scratch = await createScratchPostgres();
    try {
      const results = await Promise.all(Array.from({ length: 4 }, () => cli(["migrate"], { DATABASE_URL: scratch.url })));
      const outputs = results.map((r) => r.stdout);
      expect(outputs.filter((out) => out.startsWith("applied")).length).toBe(1);
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      const { rows } = await client.query(`SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name`);
      await client.end();
      const expected = (await readdir("prisma/migrations")).filter((name) => /^\d{14}_/.test(name));
      expect(rows.map((row) => row.migration_name).sort()).toEqual(expected.sort());
      expect(rows.every((row) => row.n === 1)).toBe(true);
    } finally {
      await scratch.drop();
    }
  });
});
