import { defineConfig } from "prisma/config";

// Prisma's CLI is used only for `generate` here: migrations are plain SQL applied by scripts/db-migrate.ts.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/healthcare" },
});
