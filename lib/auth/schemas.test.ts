import { describe, expect, it } from "vitest";
import { emailSchema, requestSignInSchema, returnPathSchema, signInCodeSchema } from "./schemas";

describe("returnPathSchema", () => {
  it.each(["/patient", "/admin/users?role=DOCTOR", "/"])("keeps the on-site path %s", (path) => {
    expect(returnPathSchema.parse(path)).toBe(path);
  });

  it.each([
    "https://evil.example/phish",
    "http://localhost:3000/patient",
    "//evil.example",
    "//evil.example/patient",
    "/\\evil.example",
    "javascript:alert(1)",
    "patient",
    "",
  ])("replaces %j with /", (path) => {
    expect(returnPathSchema.parse(path)).toBe("/");
  });

  it("defaults a missing path to /", () => {
    expect(returnPathSchema.parse(undefined)).toBe("/");
    expect(requestSignInSchema.parse({ email: "a@example.com" }).callbackUrl).toBe("/");
  });
});

describe("emailSchema", () => {
  it("trims and lower-cases", () => {
    expect(emailSchema.parse("  Alice.Smith@Example.COM ")).toBe("alice.smith@example.com");
  });

  it.each(["", "alice", "alice@", "@example.com", "alice example@example.com", `${"a".repeat(250)}@example.com`])("refuses %j", (email) => {
    const result = emailSchema.safeParse(email);
    expect(result.success).toBe(false);
  });

  it("explains the expected form", () => {
    expect(emailSchema.safeParse("alice").error?.issues[0]?.message).toMatch(/valid email address/);
  });
});

describe("signInCodeSchema", () => {
  it.each([
    ["123 456", "123456"],
    ["123-456", "123456"],
    [" 012345 ", "012345"],
  ])("normalises %j to %j", (code, expected) => {
    expect(signInCodeSchema.parse({ email: "A@Example.com", code })).toEqual({ email: "a@example.com", code: expected });
  });

  it.each(["12345", "1234567", "abcdef", ""])("refuses %j with a message about 6 digits", (code) => {
    const result = signInCodeSchema.safeParse({ email: "a@example.com", code });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["code"]);
    expect(result.error?.issues[0]?.message).toMatch(/6 digits/);
  });
});
