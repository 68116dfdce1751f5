import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// On PostgreSQL the browser runs only the specs tagged @postgres, whose outcome depends on the
// database (LISTEN/NOTIFY fan-out, row locks); the rest behaves the same and runs once, on PGlite.
const onPostgres = process.env.E2E_DB === "postgres";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    // The app honours reduced motion (motion-safe: animations); without it the board's pulsing
    // "running" badges repaint all the time, which costs CPU under software rendering.
    contextOptions: { reducedMotion: "reduce" },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: /e2e\/ops\//, grep: onPostgres ? /@postgres/ : undefined },
    // Operability: real server processes (SIGTERM, restarts); several instances need PostgreSQL.
    { name: "operability", testMatch: /ops\/durability\.spec\.ts/ },
    ...(onPostgres ? [{ name: "multi-instance", testMatch: /ops\/multi-instance\.spec\.ts/ }] : []),
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
