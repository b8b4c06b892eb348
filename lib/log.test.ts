import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLogger, errorFields, log, redact } from "./log";

let out: string[];
let err: string[];
const savedLevel = process.env.LOG_LEVEL;

beforeEach(() => {
  out = [];
  err = [];
  process.env.LOG_LEVEL = "debug";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  if (savedLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = savedLevel;
});

const personal = {
  email: "alice@example.com",
  userEmail: "alice@example.com",
  givenName: "Alice",
  phone: "+1 555 123 4567",
  addressLine: "12 Elm Street",
  dateOfBirth: "1984-02-03",
  dob: "1984-02-03",
  code: "123456",
  sessionToken: "tok-abcdef",
  AUTH_SECRET: "supersecretvalue",
  password: "hunter22",
  clinicalNote: "chest pain",
  diagnosis: "angina",
  reason: "follow-up for angina",
  cookie: "authjs.session-token=xyz",
};

describe("log redaction", () => {
  it("never writes a personal field's value to stdout, and keeps the rest", () => {
    log.info("patient updated", { ...personal, requestId: "req-1", count: 3, ok: true });
    expect(out).toHaveLength(1);
    const line = out[0]!;
    for (const value of new Set(Object.values(personal))) expect(line).not.toContain(value);
    const entry = JSON.parse(line);
    for (const key of Object.keys(personal)) expect(entry[key]).toBe("[redacted]");
    expect(entry).toMatchObject({ level: "info", msg: "patient updated", requestId: "req-1", count: 3, ok: true });
    expect(line.endsWith("\n")).toBe(true);
  });

  it("redacts fields inherited by a child logger too", () => {
    createLogger({ email: "bob@example.com" }).child({ patientName: "Bob Jones", route: "/patient" }).info("viewed");
    expect(out.join("")).not.toMatch(/bob|Jones/i);
    expect(JSON.parse(out[0]!)).toMatchObject({ email: "[redacted]", patientName: "[redacted]", route: "/patient" });
  });

  it("writes warnings and errors to stderr, also redacted", () => {
    log.error("failed", { email: "carol@example.com" });
    log.warn("slow", { phone: "+44 20 7946 0000" });
    expect(out).toEqual([]);
    expect(err).toHaveLength(2);
    expect(err.join("")).not.toMatch(/carol|7946/);
  });

  it("shortens long free text", () => {
    const long = "x".repeat(500);
    expect(String(redact({ detail: long }).detail)).toHaveLength(201);
  });

  it("drops undefined fields and respects LOG_LEVEL", () => {
    expect(redact({ a: undefined, b: 1 })).toEqual({ b: 1 });
    process.env.LOG_LEVEL = "warn";
    log.info("quiet");
    log.debug("quieter");
    expect(out).toEqual([]);
  });

  it("logs an error's class and code but not its message", () => {
    const error = Object.assign(new Error("no patient named Alice Smith"), { code: "P2025" });
    const fields = errorFields(error);
    expect(fields).toMatchObject({ error: "Error", errorCode: "P2025" });
    log.error("query failed", fields);
    expect(err.join("")).not.toContain("Alice");
  });
});
