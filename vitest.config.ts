import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration files named *.pg.int.test.ts need a PostgreSQL server (several connections or
// processes on one database); *.pglite.int.test.ts concern the embedded database or need none.
const onPostgres = process.env.TEST_DB === "postgres";
const otherDatabaseOnly = onPostgres ? "**/*.pglite.int.test.ts" : "**/*.pg.int.test.ts";

const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/server/testing/server-only-stub.ts") };

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one on a 2-core CI machine, where the
    // integration files spend much of their time waiting on child processes and the database.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts"], exclude: ["**/*.int.test.ts", "node_modules/**"] } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "tests/**/*.int.test.ts"],
          exclude: [otherDatabaseOnly, "node_modules/**"],
          globalSetup: ["tests/integration/support/migrated-snapshot.ts"],
          // Failure-path tests make the server log errors on purpose; assertions say what went wrong.
          env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: "forks",
          // next-auth imports "next/server" without an extension, which only a bundler resolves.
          server: { deps: { inline: ["next-auth"] } },
        },
      },
    ],
  },
});
