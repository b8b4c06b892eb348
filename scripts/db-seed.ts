/** Seeds the demo clinic into DATABASE_URL (or the embedded default): `npm run db:seed`. Safe to run again. */
import { envSchema } from "../lib/env.ts";
import { seedDemoClinic } from "./db/seed.ts";

const { DATABASE_URL } = envSchema.pick({ DATABASE_URL: true }).parse(process.env);
await seedDemoClinic(DATABASE_URL, console.log);
