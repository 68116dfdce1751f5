// The production server for benchmarks that measure what users get: the `next build` output served
// by `node --import tsx server.ts` with NODE_ENV=production, on a free port. Separate from
// board-setup.ts, which loads server-only modules: bench/board-ui.ts runs without the react-server
// condition and imports this file too.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

/** Builds once when there is no production build. A build older than the code is not noticed: rebuild after changing it. */
export function ensureBuild() {
  if (existsSync(".next/BUILD_ID")) return;
  console.log("No production build: building first (npx next build)…");
  if (spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0) throw new Error("next build failed");
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export type ProductionServer = { base: string; process: ChildProcess; stop: () => Promise<void> };

/**
 * Starts server.ts on a free port with `env` on top of this process's environment (DATABASE_URL, or
 * DATA_DIR with DATABASE_URL empty for the embedded database), and waits until /api/health answers.
 */
export async function startProductionServer(env: Record<string, string>): Promise<ProductionServer> {
  ensureBuild();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", SEED_DEMO: "never", LOG_LEVEL: "warn", ...env },
  });
  const stop = async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  };
  for (let ready = false; !ready; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) while starting`);
    ready = await fetch(`${base}/api/health`).then((res) => res.ok, () => false);
  }
  return { base, process: server, stop };
}

/** Nearest rank: the ⌈p/100 · n⌉-th smallest of `sorted` (ascending). */
export function percentile(sorted: readonly number[], p: number) {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Times `loads` sequential requests after `warmUp` untimed ones: the client's time from sending to
 * the last byte read (on loopback, the server's response time). `request` returns the status after
 * reading the body; anything but 200 stops the benchmark. Ascending milliseconds.
 */
export async function responseTimes(label: string, request: () => Promise<number>, loads: number, warmUp = 1): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmUp + loads; i++) {
    const started = performance.now();
    const status = await request();
    if (status !== 200) throw new Error(`${label}: ${status}`);
    if (i >= warmUp) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}
