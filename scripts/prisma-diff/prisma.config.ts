import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// Prisma 6's JS schema engine diffs two datamodels without a native engine. It insists on an adapter and opens
// a connection, but comparing two schema files changes nothing in that database.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
