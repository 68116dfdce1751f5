// The embedded database's folder belongs to one process at a time: a lock file names it by pid
// and start time, so a second process gets a clear error instead of a corrupt database, and a lock
// left by a process that died is taken over even when its pid now belongs to another program.
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class DataDirInUseError extends Error {}

const LOCK_FILE = "shipboard.lock";

/**
 * When a process started, as the system tells it (Linux: /proc/<pid>/stat field 22; elsewhere
 * `ps -o lstart=`), or null where neither is available. With the pid it names one process for
 * good: a pid reused by another process after a crash comes with another start time.
 */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null; // after "pid (comm) ", field 22 is the 20th
  } catch {
    const ps = spawnSync("ps", ["-o", "lstart=", "-p", String(pid)], { encoding: "utf8" });
    return ps.status === 0 && ps.stdout.trim() ? ps.stdout.trim() : null;
  }
}

type LockOwner = { pid: number; started: string | null };

/** The lock's owner; a lock from before start times were recorded holds the pid alone. */
function readLock(lockPath: string): LockOwner | null {
  const text = readFileSync(lockPath, "utf8").trim();
  if (/^\d+$/.test(text)) return { pid: Number(text), started: null };
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    return typeof owner.pid === "number" ? { pid: owner.pid, started: owner.started ?? null } : null;
  } catch {
    return null; // a half-written lock: its writer died before finishing it
  }
}

/** Whether the lock's owner is still running: the same pid, started at the same moment. */
function ownerIsRunning(owner: LockOwner): boolean {
  if (!isAlive(owner.pid)) return false;
  if (owner.started === null) return true; // cannot tell a reused pid apart: assume the owner
  return processStartTime(owner.pid) === owner.started;
}

/** Claims DATA_DIR for this process, so a second process gets a clear error instead of a corrupt database. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, started: processStartTime(process.pid), dataDir: path.resolve(dataDir) }));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readLock(lockPath);
      if (owner && ownerIsRunning(owner)) {
        throw new DataDirInUseError(
          `The embedded database in ${path.resolve(dataDir)} is in use by process ${owner.pid} (a running Shipboard server). ` +
            `Stop that server first, or talk to it through its HTTP API. If no Shipboard server is running, delete ${lockPath}.`,
        );
      }
      // Left behind by a process that died (its pid may now belong to another program).
      rmSync(lockPath, { force: true });
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
