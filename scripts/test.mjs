// `npm test`: lint, Prisma client, typecheck, migration drift check, unit, integration (PGlite, and
// PostgreSQL when TEST_DATABASE_URL is set; they also run db:migrate and db:seed as the README shows
// them), then Playwright end-to-end (on PGlite; on PostgreSQL the specs whose outcome depends on the
// database, see playwright.config.ts).
import { spawn, spawnSync } from "node:child_process";
import { CHROMIUM_HELP, findChromium } from "./find-chromium.mjs";

const steps = [];
const postgresUrl = process.env.TEST_DATABASE_URL;

function run(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  steps.push({ name, ok: result.status === 0, seconds });
  if (result.status !== 0) finish(`✗ ${name} failed`);
}

/**
 * Runs single-threaded checks side by side (each would leave the second core idle); each one's
 * output is printed whole when it ends, so logs do not interleave.
 */
async function runTogether(checks) {
  const results = await Promise.all(
    checks.map(({ name, command, args }) => {
      const started = Date.now();
      return new Promise((resolve) => {
        const child = spawn(command, args, { env: process.env });
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.stderr.on("data", (chunk) => (output += chunk));
        child.on("close", (status) => {
          console.log(`\n▶ ${name}\n${output.trimEnd()}`);
          resolve({ name, ok: status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
        });
      });
    }),
  );
  steps.push(...results);
  const failed = results.find((result) => !result.ok);
  if (failed) finish(`✗ ${failed.name} failed`);
}

function finish(message) {
  console.log("\nSummary:");
  for (const step of steps) console.log(`  ${step.ok ? "✓" : "✗"} ${step.name} (${step.seconds}s)`);
  if (message) {
    console.error(`\n${message}`);
    process.exit(1);
  }
  const passed = steps.filter((s) => s.ok).length;
  console.log(`\n${passed} passed, ${steps.length - passed} failed`);
}

const only = process.argv[2];
const want = (group) => !only || only === group;

if (want("static")) {
  run("Prisma client (db:generate)", "npm", ["run", "db:generate"]);
  await runTogether([
    { name: "lint", command: "npx", args: ["eslint", "."] },
    { name: "typecheck", command: "npx", args: ["tsc", "--noEmit"] },
    { name: "migration drift check (db:check)", command: "npm", args: ["run", "db:check"] },
  ]);
}
if (want("unit")) run("unit tests", "npx", ["vitest", "run", "--project", "unit"]);
if (want("integration")) {
  run("integration tests (PGlite)", "npx", ["vitest", "run", "--project", "integration"], { TEST_DB: "pglite" });
  if (postgresUrl) run("integration tests (PostgreSQL)", "npx", ["vitest", "run", "--project", "integration"], { TEST_DB: "postgres" });
  else console.log("\n(TEST_DATABASE_URL is not set: PostgreSQL integration tests skipped)");
}
if (want("e2e")) {
  const chromium = findChromium();
  if (!chromium) finish(CHROMIUM_HELP);
  run("build", "npx", ["next", "build"], { NEXT_TELEMETRY_DISABLED: "1" });
  run("end-to-end tests (PGlite)", "npx", ["playwright", "test"], { CHROMIUM_PATH: chromium, E2E_DB: "pglite" });
  if (postgresUrl) run("end-to-end tests (PostgreSQL)", "npx", ["playwright", "test"], { CHROMIUM_PATH: chromium, E2E_DB: "postgres" });
}
finish();
