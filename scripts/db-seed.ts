/** Seeds the demo clinic into DATABASE_URL (or the embedded default): `npm run db:seed`. Safe to run again. */
import { envSchema } from "../lib/env.ts";
import { masterKeysFrom } from "../lib/crypto/envelope.ts";
import { seedDemoClinic } from "./db/seed.ts";

const config = envSchema
  .pick({ DATABASE_URL: true, MASTER_KEY: true, MASTER_KEY_ID: true })
  .partial({ MASTER_KEY: true })
  .parse(process.env);
// With MASTER_KEY set, demo users get their wallets now; otherwise on first use.
await seedDemoClinic(config.DATABASE_URL, console.log, { masterKeys: config.MASTER_KEY ? masterKeysFrom({ ...config, MASTER_KEY: config.MASTER_KEY }) : undefined });
