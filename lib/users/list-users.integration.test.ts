import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ROLES } from "@/lib/authz/actor";
import { createActor } from "@/test/factories";
import { countUsersByRole } from "./count-users";
import { inviteStaff } from "./invite-staff";
import { listUsers } from "./list-users";
import { setUserStatus } from "./set-user-status";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("listUsers and countUsersByRole", () => {
  it("lists accounts newest first, with each invitation's state, filtered by role", async () => {
    const admin = await createActor("ADMIN");
    const pending = await inviteStaff(admin, { email: `p-${randomUUID()}@example.com`, name: "Pending Person", role: "PHARMACIST" });
    const accepted = await inviteStaff(admin, { email: `a-${randomUUID()}@example.com`, name: "Accepted Person", role: "PHARMACIST" });
    await db().invitation.updateMany({ where: { userId: accepted.userId }, data: { acceptedAt: new Date() } });
    const lapsed = await inviteStaff(admin, { email: `e-${randomUUID()}@example.com`, name: "Lapsed Person", role: "PHARMACIST" });
    await db().invitation.updateMany({ where: { userId: lapsed.userId }, data: { expiresAt: new Date(Date.now() - 1_000) } });

    const rows = await listUsers(admin, { role: "PHARMACIST" });
    expect(rows.every((r) => r.role === "PHARMACIST")).toBe(true);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(pending.userId)?.invitation).toBe("pending");
    expect(byId.get(accepted.userId)?.invitation).toBe("accepted");
    expect(byId.get(lapsed.userId)?.invitation).toBe("expired");
    expect(rows.findIndex((r) => r.id === lapsed.userId)).toBeLessThan(rows.findIndex((r) => r.id === pending.userId));

    const all = await listUsers(admin);
    const mine = all.find((r) => r.id === admin.userId);
    expect(mine).toMatchObject({ role: "ADMIN", invitation: "none", status: "ACTIVE" });
  });

  it("counts active accounts per role", async () => {
    const admin = await createActor("ADMIN");
    const before = await countUsersByRole(admin);
    await createActor("DOCTOR");
    const disabled = await createActor("DOCTOR");
    await setUserStatus(admin, { userId: disabled.userId, status: "DISABLED" });
    await createActor("PATIENT");
    const after = await countUsersByRole(admin);
    expect(after).toEqual({ ...before, DOCTOR: before.DOCTOR + 1, PATIENT: before.PATIENT + 1 });
  });

  it.each(ROLES.filter((r) => r !== "ADMIN"))("both are FORBIDDEN for a %s", async (role) => {
    const actor = await createActor(role);
    expect(await codeOf(listUsers(actor))).toBe("FORBIDDEN");
    expect(await codeOf(countUsersByRole(actor))).toBe("FORBIDDEN");
  });

  it("both are UNAUTHENTICATED for nobody", async () => {
    expect(await codeOf(listUsers(null))).toBe("UNAUTHENTICATED");
    expect(await codeOf(countUsersByRole(null))).toBe("UNAUTHENTICATED");
  });
});
