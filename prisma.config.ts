import path from "node:path";
import { defineConfig } from "prisma/config";

// Migrations are applied by our own runner (lib/server/migrations.ts); the CLI is used for `generate` only.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx scripts/db.ts seed" },
});
