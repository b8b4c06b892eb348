import { describe, expect, it } from "vitest";
import pg from "pg";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ROLES, type Actor } from "@/lib/authz/actor";
import { createActor } from "@/test/factories";
import { completeOnboarding } from "./complete-onboarding";
import type { OnboardingInput } from "./schemas";

const input = (over: Partial<OnboardingInput> = {}): OnboardingInput => ({
  givenName: "Maria",
  familyName: "Lopez",
  dateOfBirth: "1985-04-12",
  sex: "FEMALE",
  phone: "+1 555 010 2000",
  addressLine: "22 Harbor Road",
  city: "Springfield",
  postalCode: "12345",
  country: "United States",
  emergencyContactName: "Juan Lopez",
  emergencyContactPhone: "+1 555 010 2001",
  emergencyContactRelation: "Brother",
  ...over,
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );
}

const auditRowsFor = (patientId: string) => db().auditEvent.findMany({ where: { patientId, action: "create", resourceType: "Patient" } });

describe("completeOnboarding", () => {
  it("creates the profile, names the user and writes an audit row", async () => {
    const actor = await createActor("PATIENT", { onboarded: false });
    await completeOnboarding(actor, input({ givenName: "  Maria ", familyName: "Lopez" }));
    const profile = await db().patientProfile.findUniqueOrThrow({ where: { userId: actor.userId } });
    expect(profile).toMatchObject({ givenName: "Maria", familyName: "Lopez", sex: "FEMALE", city: "Springfield", emergencyContactRelation: "Brother" });
    expect(profile.dateOfBirth.toISOString().slice(0, 10)).toBe("1985-04-12");
    expect((await db().user.findUniqueOrThrow({ where: { id: actor.userId } })).name).toBe("Maria Lopez");
    const audit = await auditRowsFor(actor.userId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: actor.userId, actorRole: "PATIENT", resourceId: actor.userId, purpose: "onboarding", outcome: "SUCCESS" });
  });

  it("commits the profile and its audit row together: if the audit write fails, nothing is kept", async () => {
    const actor = await createActor("PATIENT", { onboarded: false });
    const outside = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await outside.connect();
    try {
      // Hold off audit inserts (reads still pass), so onboarding stops at its audit row with the profile written.
      await outside.query("BEGIN");
      await outside.query(`LOCK TABLE "AuditEvent" IN EXCLUSIVE MODE`);
      const pending = failure(completeOnboarding(actor, input()));
      let waiting: number | undefined;
      // Up to 8 s (the transaction itself may wait 15 s): a loaded machine can be slow to reach the insert.
      for (let i = 0; i < 400 && waiting === undefined; i++) {
        await new Promise((r) => setTimeout(r, 20));
        const { rows } = await outside.query<{ pid: number }>(
          `SELECT pid FROM pg_locks WHERE NOT granted AND relation = '"AuditEvent"'::regclass AND mode = 'RowExclusiveLock'`,
        );
        waiting = rows[0]?.pid;
      }
      expect(waiting, "onboarding never reached its audit insert").toBeDefined();
      // The profile insert has run but is not visible outside the transaction.
      expect((await outside.query(`SELECT 1 FROM "PatientProfile" WHERE "userId" = $1`, [actor.userId])).rowCount).toBe(0);
      await outside.query("SELECT pg_cancel_backend($1)", [waiting]);
      await outside.query("ROLLBACK");
      expect(await pending).not.toBeInstanceOf(AppError);
    } finally {
      await outside.end();
    }
    expect(await db().patientProfile.findUnique({ where: { userId: actor.userId } })).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: actor.userId } })).name).toBe("Test PATIENT");
    expect(await auditRowsFor(actor.userId)).toHaveLength(0);
    // Nothing half-done stands in the way of trying again.
    await completeOnboarding(actor, input());
    expect(await auditRowsFor(actor.userId)).toHaveLength(1);
  });

  it("refuses a second onboarding with CONFLICT and changes nothing", async () => {
    const actor = await createActor("PATIENT", { onboarded: false });
    await completeOnboarding(actor, input());
    const error = await failure(completeOnboarding(actor, input({ givenName: "Other" })));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((await db().patientProfile.findUniqueOrThrow({ where: { userId: actor.userId } })).givenName).toBe("Maria");
    expect(await auditRowsFor(actor.userId)).toHaveLength(1);
  });

  it("lets exactly one of two simultaneous onboardings through", async () => {
    const actor = await createActor("PATIENT", { onboarded: false });
    const results = await Promise.allSettled([completeOnboarding(actor, input()), completeOnboarding(actor, input({ givenName: "Twin" }))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(AppError);
    expect((loser.reason as AppError).code).toBe("CONFLICT");
    expect(await auditRowsFor(actor.userId)).toHaveLength(1);
  });

  it.each(ROLES.filter((r) => r !== "PATIENT"))("is FORBIDDEN for a %s and writes nothing", async (role) => {
    const actor = await createActor(role);
    const error = await failure(completeOnboarding(actor, input()));
    expect((error as AppError).code).toBe("FORBIDDEN");
    expect(await db().patientProfile.findUnique({ where: { userId: actor.userId } })).toBeNull();
  });

  it("is UNAUTHENTICATED for nobody", async () => {
    expect(((await failure(completeOnboarding(null, input()))) as AppError).code).toBe("UNAUTHENTICATED");
  });

  it("refuses invalid input with zod errors naming the fields, and writes nothing", async () => {
    const actor: Actor = await createActor("PATIENT", { onboarded: false });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const error = await failure(completeOnboarding(actor, input({ givenName: " ", dateOfBirth: tomorrow, phone: "call me", sex: "X" as never })));
    expect(error).toBeInstanceOf(z.ZodError);
    const fields = z.flattenError(error as z.ZodError).fieldErrors as Record<string, string[]>;
    expect(Object.keys(fields).sort()).toEqual(["dateOfBirth", "givenName", "phone", "sex"]);
    expect(fields.dateOfBirth![0]).toMatch(/future/);
    expect(fields.givenName![0]).toMatch(/First name is required/);
    expect(await db().patientProfile.findUnique({ where: { userId: actor.userId } })).toBeNull();
  });
});
