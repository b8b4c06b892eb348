import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createActor } from "@/test/factories";
import { setUserStatus } from "./set-user-status";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

async function extraSession(userId: string) {
  return db().session.create({ data: { sessionToken: randomUUID(), userId, expires: new Date(Date.now() + 86_400_000) } });
}

describe("setUserStatus", () => {
  it("disabling an account ends all its sessions and is audited; enabling brings it back", async () => {
    const admin = await createActor("ADMIN");
    const doctor = await createActor("DOCTOR");
    await extraSession(doctor.userId);
    const bystander = await createActor("DOCTOR");
    expect(await db().session.count({ where: { userId: doctor.userId } })).toBe(2);

    await setUserStatus(admin, { userId: doctor.userId, status: "DISABLED" });
    expect((await db().user.findUniqueOrThrow({ where: { id: doctor.userId } })).status).toBe("DISABLED");
    expect(await db().session.count({ where: { userId: doctor.userId } })).toBe(0);
    expect(await db().session.count({ where: { userId: bystander.userId } })).toBe(1);

    await setUserStatus(admin, { userId: doctor.userId, status: "ACTIVE" });
    expect((await db().user.findUniqueOrThrow({ where: { id: doctor.userId } })).status).toBe("ACTIVE");
    const audit = await db().auditEvent.findMany({ where: { resourceId: doctor.userId }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.resourceType])).toEqual([
      ["disable", admin.userId, "User"],
      ["enable", admin.userId, "User"],
    ]);
  });

  it("refuses an admin disabling themself (CONFLICT), keeping their account and session", async () => {
    const admin = await createActor("ADMIN");
    expect(await codeOf(setUserStatus(admin, { userId: admin.userId, status: "DISABLED" }))).toBe("CONFLICT");
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.userId } })).status).toBe("ACTIVE");
    expect(await db().session.count({ where: { userId: admin.userId } })).toBe(1);
  });

  it("says NOT_FOUND for an unknown user and writes no audit row", async () => {
    const admin = await createActor("ADMIN");
    const ghost = randomUUID();
    expect(await codeOf(setUserStatus(admin, { userId: ghost, status: "DISABLED" }))).toBe("NOT_FOUND");
    expect(await db().auditEvent.count({ where: { resourceId: ghost } })).toBe(0);
  });

  it.each(["PATIENT", "DOCTOR", "PHARMACIST"] as const)("is FORBIDDEN for a %s", async (role) => {
    const actor = await createActor(role);
    const target = await createActor("ADMIN");
    expect(await codeOf(setUserStatus(actor, { userId: target.userId, status: "DISABLED" }))).toBe("FORBIDDEN");
    expect((await db().user.findUniqueOrThrow({ where: { id: target.userId } })).status).toBe("ACTIVE");
    expect(await db().session.count({ where: { userId: target.userId } })).toBe(1);
  });

  it("is UNAUTHENTICATED for nobody", async () => {
    const target = await createActor("DOCTOR");
    expect(await codeOf(setUserStatus(null, { userId: target.userId, status: "DISABLED" }))).toBe("UNAUTHENTICATED");
  });
});
