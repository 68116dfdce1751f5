// Starts real Shipboard servers (the built app) for operability tests.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";

export const PASSWORD = "ops-test-password";

/** Ports of the servers an ops spec starts: offsets from E2E_PORT, so parallel runs on other E2E_PORTs do not collide. */
export function opsPort(offset: number) {
  return Number(process.env.E2E_PORT ?? 3100) + 200 + offset;
}

export type Server = { url: string; process: ChildProcess; exited: Promise<number | null>; output: () => string };

export function embeddedDataDir() {
  return mkdtempSync(path.join(os.tmpdir(), "shipboard-ops-"));
}

export async function scratchPostgres(): Promise<string> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const name = `shipboard_ops_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export function databaseEnv(target: { dataDir?: string; databaseUrl?: string }): Record<string, string> {
  // Instances on one PostgreSQL database share the secret they must be given; the embedded database keeps its own.
  return target.databaseUrl
    ? { DATABASE_URL: target.databaseUrl, DATA_DIR: "", AUTH_SECRET: "ops-secret-not-for-production" }
    : { DATA_DIR: target.dataDir!, DATABASE_URL: "" };
}

/** Migrates and seeds the demo workspace, as `npm start` does on first start. */
export function seed(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db.ts", "seed"], {
    env: { ...process.env, ...env, DEMO_PASSWORD: PASSWORD },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`seed failed: ${result.stderr}`);
}

export async function startServer(port: number, env: Record<string, string>): Promise<Server> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production", LOG_LEVEL: "info" },
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited early:\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then((res) => res.ok, () => false);
    if (healthy) return { url, process: child, exited, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`server on ${port} did not become healthy:\n${output}`);
}

/** An API client signed in through Auth.js's credentials endpoint, as the browser form does. */
export async function signedInClient(baseURL: string, email: string): Promise<APIRequestContext> {
  const client = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await client.get("/api/auth/csrf")).json();
  const res = await client.post("/api/auth/callback/credentials", { form: { email, password: PASSWORD, csrfToken, callbackUrl: `${baseURL}/projects` } });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
  return client;
}
