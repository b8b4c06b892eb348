import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const valid = () => ({
  AUTH_SECRET: randomBytes(32).toString("base64"),
  MASTER_KEY: randomBytes(32).toString("base64"),
});

function failure(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("parseEnv accepted an invalid configuration");
}

describe("parseEnv", () => {
  it("accepts the two required secrets and fills in the development defaults", () => {
    const env = parseEnv(valid());
    expect(env.NODE_ENV).toBe("development");
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.SIGNIN_LIMIT_PER_EMAIL).toBe(5);
    expect(env.SIGNIN_LIMIT_PER_IP).toBe(30);
    expect(env.SIGNIN_LIMIT_WINDOW_MINUTES).toBe(15);
    expect(env.SESSION_IDLE_MINUTES_STAFF).toBe(15);
    expect(env.SESSION_IDLE_MINUTES_PATIENT).toBe(60);
    expect(env.PAYMASTER_MODE).toBe("local");
    expect(env.MASTER_KEY_ID).toBe("k1");
    expect(env.PAYMASTER_URL).toBeUndefined();
  });

  it("coerces numbers given as strings", () => {
    expect(parseEnv({ ...valid(), SIGNIN_LIMIT_PER_EMAIL: "7", CHAIN_ID: "8453" })).toMatchObject({ SIGNIN_LIMIT_PER_EMAIL: 7, CHAIN_ID: 8453 });
  });

  it("stops on a missing AUTH_SECRET, naming it", () => {
    const message = failure({ MASTER_KEY: valid().MASTER_KEY });
    expect(message).toMatch(/^Invalid configuration/);
    expect(message).toContain("AUTH_SECRET");
    expect(message).not.toContain("MASTER_KEY");
  });

  it("stops on an AUTH_SECRET that is too short", () => {
    expect(failure({ ...valid(), AUTH_SECRET: "short" })).toMatch(/AUTH_SECRET: must be at least 32 characters/);
  });

  it.each([
    ["not base64 of 32 bytes", randomBytes(16).toString("base64")],
    ["too long", randomBytes(48).toString("base64")],
    ["garbage", "!!!!"],
  ])("stops on a malformed MASTER_KEY (%s), naming it", (_, key) => {
    const message = failure({ ...valid(), MASTER_KEY: key });
    expect(message).toMatch(/MASTER_KEY: must be 32 bytes encoded as base64/);
    expect(message).not.toContain(key);
  });

  it.each(["APP_URL", "DATABASE_URL", "SMTP_URL", "CHAIN_RPC_URL", "BUNDLER_URL", "PAYMASTER_URL"])("stops on a malformed %s, naming it", (name) => {
    expect(failure({ ...valid(), [name]: "not a url" })).toMatch(new RegExp(`^  ${name}: `, "m"));
  });

  it("names every bad variable at once", () => {
    const message = failure({ MASTER_KEY: "x", APP_URL: "nope", LOG_LEVEL: "loud" });
    for (const name of ["AUTH_SECRET", "MASTER_KEY", "APP_URL", "LOG_LEVEL"]) expect(message).toContain(`  ${name}:`);
  });

  it("requires PAYMASTER_URL when PAYMASTER_MODE=external", () => {
    expect(failure({ ...valid(), PAYMASTER_MODE: "external" })).toMatch(/PAYMASTER_URL: required when PAYMASTER_MODE=external/);
    const env = parseEnv({ ...valid(), PAYMASTER_MODE: "external", PAYMASTER_URL: "https://paymaster.example/rpc" });
    expect(env.PAYMASTER_URL).toBe("https://paymaster.example/rpc");
  });

  it("requires PREVIOUS_MASTER_KEY_ID with PREVIOUS_MASTER_KEY", () => {
    expect(failure({ ...valid(), PREVIOUS_MASTER_KEY: valid().MASTER_KEY })).toMatch(/PREVIOUS_MASTER_KEY_ID: required/);
  });

  it("treats blank strings as unset: defaults apply, required ones are reported missing", () => {
    const env = parseEnv({ ...valid(), APP_URL: "", LOG_LEVEL: "", PAYMASTER_URL: "", SIGNIN_LIMIT_PER_EMAIL: "" });
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.PAYMASTER_URL).toBeUndefined();
    expect(env.SIGNIN_LIMIT_PER_EMAIL).toBe(5);
    expect(failure({ ...valid(), AUTH_SECRET: "" })).toContain("AUTH_SECRET");
    expect(failure({ ...valid(), PAYMASTER_MODE: "external", PAYMASTER_URL: "" })).toContain("PAYMASTER_URL");
  });

  it("refuses numbers that are not positive integers", () => {
    expect(failure({ ...valid(), SIGNIN_LIMIT_PER_IP: "0" })).toContain("SIGNIN_LIMIT_PER_IP");
    expect(failure({ ...valid(), SESSION_IDLE_MINUTES_STAFF: "1.5" })).toContain("SESSION_IDLE_MINUTES_STAFF");
  });

  it("never echoes a secret's value in the message", () => {
    const secret = "s".repeat(20);
    expect(failure({ ...valid(), AUTH_SECRET: secret })).not.toContain(secret);
  });
});
