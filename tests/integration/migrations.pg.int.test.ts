// Several instances starting at the same moment on one fresh PostgreSQL database apply each
// migration exactly once (advisory lock).
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createScratchPostgres } from "@/lib/server/testing/test-database";

const run = promisify(execFile);
const migrate = (env: Record<string, string>) =>
  run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db.ts", "migrate"], { env: { ...process.env, ...env } });

describe("concurrent start-up on one fresh PostgreSQL database", () => {
  it("applies each migration exactly once when several instances migrate at the same moment", async () => {
    const scratch = await createScratchPostgres();
    try {
      const results = await Promise.all(Array.from({ length: 4 }, () => migrate({ DATABASE_URL: scratch.url })));
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
