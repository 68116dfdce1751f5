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
  });

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
    expect(readFileSync(path.join(dataDir, "shipboard.lock"), "utf8")).toBe(String(process.pid));
    await database.close();
  });
});
