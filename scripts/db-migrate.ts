/** Applies pending SQL migrations to DATABASE_URL (or the embedded default): `npm run db:migrate`. */
import { applyMigrations } from "./db/migrate.ts";
import { envSchema } from "../lib/env.ts";

const { DATABASE_URL } = envSchema.pick({ DATABASE_URL: true }).parse(process.env);
const applied = await applyMigrations(DATABASE_URL, console.log);
console.log(applied.length ? `Applied ${applied.length} migration(s).` : "The database is up to date.");
