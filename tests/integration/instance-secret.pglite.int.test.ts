// Issue 11 item 6: the instance secret is never kept in the database. Embedded: a 0600 file in the
// data folder (an older database's stored secret moves there); PostgreSQL: AUTH_SECRET is required.
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/database";
import { ensureInstanceSecret, SECRET_FILE_NAME } from "@/lib/server/instance-secret";
import { openTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
let dataDir: string;
const saved = { secret: process.env.AUTH_SECRET, file: process.env.AUTH_SECRET_FILE };

beforeAll(async () => (database = await openTestDatabase()));
afterAll(() => database.dispose());
beforeEach(() => {
  delete process.env.AUTH_SECRET;
  delete process.env.AUTH_SECRET_FILE;
  dataDir = mkdtempSync(path.join(os.tmpdir(), "shipboard-secret-"));
});
afterEach(async () => {
  for (const [name, value] of [["AUTH_SECRET", saved.secret], ["AUTH_SECRET_FILE", saved.file]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await database.prisma.setting.deleteMany({ where: { key: "auth_secret" } });
});

const storedInDatabase = () => database.prisma.setting.findUnique({ where: { key: "auth_secret" } });
const secretFile = () => path.join(dataDir, SECRET_FILE_NAME);

describe("the instance secret", () => {
  it("is generated once into the data folder with mode 0600, never into the database", async () => {
    const secret = await ensureInstanceSecret(database, dataDir);
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(process.env.AUTH_SECRET).toBe(secret);
    expect((await readFile(secretFile(), "utf8")).trim()).toBe(secret);
    expect(statSync(secretFile()).mode & 0o777).toBe(0o600);
    expect(await storedInDatabase()).toBeNull();

    delete process.env.AUTH_SECRET;
    expect(await ensureInstanceSecret(database, dataDir)).toBe(secret);
  });

  it("moves a secret an earlier version stored in the database into the file, and deletes it there", async () => {
    await database.prisma.setting.create({ data: { key: "auth_secret", value: "legacy-secret-from-the-database" } });
    expect(await ensureInstanceSecret(database, dataDir)).toBe("legacy-secret-from-the-database");
    expect((await readFile(secretFile(), "utf8")).trim()).toBe("legacy-secret-from-the-database");
    expect(await storedInDatabase()).toBeNull();
  });

  it("takes AUTH_SECRET, or the file AUTH_SECRET_FILE names, and then drops a stored one", async () => {
    await database.prisma.setting.create({ data: { key: "auth_secret", value: "old" } });
    process.env.AUTH_SECRET = "from-the-environment";
    expect(await ensureInstanceSecret(database, dataDir)).toBe("from-the-environment");
    expect(await storedInDatabase()).toBeNull();

    delete process.env.AUTH_SECRET;
    const file = path.join(dataDir, "mounted-secret");
    writeFileSync(file, "from-a-mounted-file\n");
    process.env.AUTH_SECRET_FILE = file;
    expect(await ensureInstanceSecret(database, dataDir)).toBe("from-a-mounted-file");
    delete process.env.AUTH_SECRET;
    process.env.AUTH_SECRET_FILE = path.join(dataDir, "missing");
    await expect(ensureInstanceSecret(database, dataDir)).rejects.toThrow(/AUTH_SECRET_FILE: cannot read .*missing/);
  });

  it("on PostgreSQL, refuses to start without AUTH_SECRET, naming the variable (and the way out for an older database)", async () => {
    const postgres = { ...database, kind: "postgres" } as Database;
    await expect(ensureInstanceSecret(postgres, dataDir)).rejects.toThrow(/AUTH_SECRET is required with DATABASE_URL \(PostgreSQL\).*AUTH_SECRET_FILE/);
    await database.prisma.setting.create({ data: { key: "auth_secret", value: "legacy" } });
    await expect(ensureInstanceSecret(postgres, dataDir)).rejects.toThrow(/holds the secret an earlier version generated/);
    expect(process.env.AUTH_SECRET).toBeUndefined();
  });
});
