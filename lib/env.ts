import { z } from "zod";

/**
 * The one place that reads process.env. Every value the portal needs is validated here once;
 * a missing or malformed variable stops start-up with a message that names it.
 * Defaults are the embedded development stack that `npm start` runs; production replaces each of them.
 */

const url = z.url();
const hex32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte hex string");
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte address");
const base64Key = z
  .string()
  .refine((s) => Buffer.from(s, "base64").length === 32, "must be 32 bytes encoded as base64");
const positiveInt = z.coerce.number().int().positive();

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),

  /** Public origin of the portal. Use localhost rather than 127.0.0.1 so Auth.js keeps its cookies. */
  APP_URL: url.default("http://localhost:3000"),
  DATABASE_URL: url.default("postgresql://postgres:postgres@127.0.0.1:54329/healthcare"),

  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  /** Idle time after which a session ends, per kind of user. */
  SESSION_IDLE_MINUTES_STAFF: positiveInt.default(15),
  SESSION_IDLE_MINUTES_PATIENT: positiveInt.default(60),
  SIGNIN_LIMIT_PER_EMAIL: positiveInt.default(5),
  SIGNIN_LIMIT_PER_IP: positiveInt.default(30),
  SIGNIN_LIMIT_WINDOW_MINUTES: positiveInt.default(15),

  SMTP_URL: url.default("smtp://127.0.0.1:1025"),
  MAIL_FROM: z.string().min(3).default("CareChain Health <no-reply@carechain.local>"),

  /** Master key that wraps each user's data key (envelope encryption of wallet keys and clinical fields). */
  MASTER_KEY: base64Key,
  /** Identifies MASTER_KEY in wrapped keys, so keys can be rotated (see README). */
  MASTER_KEY_ID: z.string().min(1).default("k1"),
  /** The previous master key, kept during a rotation so older wrapped keys still open. */
  PREVIOUS_MASTER_KEY: base64Key.optional(),
  PREVIOUS_MASTER_KEY_ID: z.string().min(1).optional(),

  CHAIN_RPC_URL: url.default("http://127.0.0.1:8545"),
  CHAIN_ID: positiveInt.default(31337),
  BUNDLER_URL: url.default("http://127.0.0.1:4337"),
  /** `local`: this app's own paymaster signs sponsorships; `external`: an ERC-7677 paymaster service at PAYMASTER_URL. */
  PAYMASTER_MODE: z.enum(["local", "external"]).default("local"),
  PAYMASTER_URL: url.optional(),
  /** Key of the sponsorship service that signs paymaster data (local mode). */
  PAYMASTER_SIGNER_KEY: hex32.optional(),
  /** /api/health reports the paymaster down when its EntryPoint deposit falls below this many wei (default 0.1 ETH). */
  PAYMASTER_MIN_DEPOSIT_WEI: z.coerce.bigint().nonnegative().default(10n ** 17n),
  /** Key of the service account that anchors audit roots and pays for plain transactions. */
  OPERATOR_KEY: hex32.optional(),
  /** Where deployed contract addresses are recorded, per chain id. */
  DEPLOYMENTS_FILE: z.string().min(1).default("contracts/deployments.json"),
  ADMIN_SAFE_ADDRESS: address.optional(),
  /** scripts/deploy-contracts.ts only: the account that pays for deploying the app contracts to CHAIN_RPC_URL. */
  DEPLOYER_KEY: hex32.optional(),
  /** scripts/deploy-contracts.ts only: HealthPaymaster's signer when PAYMASTER_SIGNER_KEY is held elsewhere. */
  PAYMASTER_SIGNER_ADDRESS: address.optional(),

  /** The clinic's IANA time zone: working hours are wall-clock times there, and slots follow its daylight saving. */
  CLINIC_TIME_ZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as America/New_York")
    .default("America/New_York"),
  /** A patient may reschedule or cancel up to this many hours before the appointment (staff at any time). */
  BOOKING_CUTOFF_HOURS: z.coerce.number().int().min(0).default(24),
  /** How far ahead patients may book. */
  BOOKING_HORIZON_DAYS: positiveInt.default(60),
  /** The reminder email goes out this many hours before an appointment. */
  APPOINTMENT_REMINDER_HOURS: positiveInt.default(24),
  /** How long a break-glass access to a chart lasts; also passed to ConsentRegistry.breakGlass, which caps it at 24 h. */
  BREAK_GLASS_MINUTES: positiveInt.max(24 * 60).default(60),
  /** How long a signed prescription can be dispensed. */
  PRESCRIPTION_VALID_DAYS: positiveInt.default(30),

  /** Where uploaded documents are kept, each file encrypted with its own key. `npm start` uses .data/<profile>/documents. */
  DOCUMENTS_DIR: z.string().min(1).default(".data/dev/documents"),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const blanksRemoved = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(blanksRemoved);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  const env = result.data;
  if (env.PAYMASTER_MODE === "external" && !env.PAYMASTER_URL) {
    throw new Error("Invalid configuration:\n  PAYMASTER_URL: required when PAYMASTER_MODE=external");
  }
  if (env.PREVIOUS_MASTER_KEY && !env.PREVIOUS_MASTER_KEY_ID) {
    throw new Error("Invalid configuration:\n  PREVIOUS_MASTER_KEY_ID: required with PREVIOUS_MASTER_KEY");
  }
  return env;
}

let cached: Env | undefined;

/** The validated environment, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
