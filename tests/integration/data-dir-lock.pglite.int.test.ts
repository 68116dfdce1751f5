// Only one process may open the embedded database folder; others get a clear error.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { DataDirInUseError, openDatabase } from "@/lib/server/database";

const run = promisify(execFile);

describe("embedded data folder lock", () => {
  it("refuses a second process with a clear error while the first has the folder open, and frees it on close", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "shipboard-lock-"));
    const owner = openDatabase({ kind: "pglite", dataDir });
    await owner.migrate();
    const second = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db.ts", "migrate"], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    }).then(() => null, (error: { code: number; stderr: string }) => error);
    expect(second?.code).toBe(1);
    expect(second?.stderr).toContain(`is in use by process ${process.pid}`);
    await owner.close();
    const after = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db.ts", "migrate"], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    });
    expect(after.stdout).toContain("up to date");
  }, 180_000); // two cold tsx starts of scripts/db.ts, slow while other test files run beside it

  it("refuses a second open in the same process", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "shipboard-lock-"));
    const first = openDatabase({ kind: "pglite", dataDir });
    expect(() => openDatabase({ kind: "pglite", dataDir })).toThrow(DataDirInUseError);
    await first.close();
  });

  it("takes over a lock left by a process that died", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "shipboard-lock-"));
    const child = spawn(process.execPath, ["-e", ""]);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on("exit", resolve));
    writeFileSync(path.join(dataDir, "shipboard.lock"), String(deadPid));
    const database = openDatabase({ kind: "pglite", dataDir });
    expect(JSON.parse(readFileSync(path.join(dataDir, "shipboard.lock"), "utf8"))).toMatchObject({ pid: process.pid, started: expect.any(String), dataDir: path.resolve(dataDir) });
    await database.close();
  });

  it("takes over a lock whose process died and whose pid now belongs to another running program", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "shipboard-lock-"));
    // The pid is alive, but it is not the process that wrote the lock: that one started at another time.
    const other = spawn("sleep", ["30"]);
    try {
      writeFileSync(path.join(dataDir, "shipboard.lock"), JSON.stringify({ pid: other.pid, started: "1", dataDir }));
      const database = openDatabase({ kind: "pglite", dataDir });
      expect(JSON.parse(readFileSync(path.join(dataDir, "shipboard.lock"), "utf8"))).toMatchObject({ pid: process.pid });
      await database.close();
    } finally {
      other.kill();
    }
  });

  it("still refuses while the process that wrote the lock runs, naming it", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "shipboard-lock-"));
    const first = openDatabase({ kind: "pglite", dataDir });
    const lock = JSON.parse(readFileSync(path.join(dataDir, "shipboard.lock"), "utf8"));
    expect(lock.started).not.toBeNull();
    expect(() => openDatabase({ kind: "pglite", dataDir })).toThrow(`is in use by process ${process.pid}`);
    await first.close();
  });
});
