// Starts a Shipboard server on a fresh database for the end-to-end tests: a temporary embedded
// database (E2E_DB=pglite) or a scratch PostgreSQL database (E2E_DB=postgres, TEST_DATABASE_URL).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const port = process.env.E2E_PORT ?? "3100";
const env = { ...process.env, PORT: port, NODE_ENV: "production", DEMO_PASSWORD: process.env.DEMO_PASSWORD ?? "e2e-demo-password", LOG_LEVEL: "warn", SIGNUP_LIMIT_PER_ADDRESS: "1000" };

if (process.env.E2E_DB === "postgres") {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const name = `shipboard_e2e_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  // PostgreSQL deployments must be given the secret (the embedded one generates it in its data folder).
  Object.assign(env, { DATABASE_URL: url.toString(), SEED_DEMO: "always", AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production" });
} else {
  Object.assign(env, { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "shipboard-e2e-")), DATABASE_URL: "" });
}

const prepare = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db.ts", "prepare"], { stdio: "inherit", env });
if (prepare.status !== 0) process.exit(prepare.status ?? 1);
const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], { stdio: "inherit", env });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
