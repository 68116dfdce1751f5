// The drift check (`npm run db:check`) and `db:migration`. They do not touch a database server, so
// they run once, with the PGlite tests.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
// Through npm, exactly as the README shows them (`npm run db:migration -- <name>`).
const cli = ([command, ...args]: string[], env: Record<string, string>) =>
  run("npm", ["run", "--silent", `db:${command}`, "--", ...args], { env: { ...process.env, ...env } });

async function prismaCopy() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "shipboard-prisma-"));
  await cp("prisma", dir, { recursive: true });
  return { schema: path.join(dir, "schema.prisma"), migrations: path.join(dir, "migrations") };
}

// That db:check passes on the repository's own schema is the static step of `npm test`.
describe("db:check", { timeout: 420_000 }, () => {
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
  }, 420_000); // three runs of the WebAssembly schema engine
});
