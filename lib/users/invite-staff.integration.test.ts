import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { acceptInvitation, mayStaffSignIn } from "@/lib/auth/invitations";
import { createActor, mailTo } from "@/test/factories";
import { INVITATION_DAYS, inviteStaff } from "./invite-staff";

const newEmail = () => `staff-${randomUUID()}@example.com`;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

const userOf = (userId: string) => db().user.findUniqueOrThrow({ where: { id: userId } });

describe("inviteStaff", () => {
  it("creates the doctor's account, the invitation and an audit row, and emails the invitation", async () => {
    const admin = await createActor("ADMIN");
    const email = newEmail();
    const before = Date.now();
    const { userId } = await inviteStaff(admin, { email: `  ${email.toUpperCase()} `, name: "Dr. Ada Quinn", role: "DOCTOR" });

    const user = await userOf(userId);
    expect(user).toMatchObject({ email, name: "Dr. Ada Quinn", role: "DOCTOR", status: "ACTIVE", emailVerified: null });
    const invitation = await db().invitation.findFirstOrThrow({ where: { userId } });
    expect(invitation).toMatchObject({ email, role: "DOCTOR", invitedById: admin.userId, acceptedAt: null, revokedAt: null });
    const days = (invitation.expiresAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(INVITATION_DAYS - 0.01);
    expect(days).toBeLessThan(INVITATION_DAYS + 0.01);
    const audit = await db().auditEvent.findMany({ where: { resourceId: userId, action: "invite" } });
    expect(audit).toEqual([expect.objectContaining({ actorId: admin.userId, actorRole: "ADMIN", resourceType: "User", purpose: "invite doctor" })]);

    const mail = await mailTo(email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("You are invited to CareChain Health as Doctor");
    expect(mail[0]!.text).toContain("as Doctor");
    expect(mail[0]!.text).toContain(`${env().APP_URL}/signin`);
    expect(mail[0]!.text).toContain(`${INVITATION_DAYS} days`);
  });

  it("names the role in the email for each staff role", async () => {
    const admin = await createActor("ADMIN");
    const email = newEmail();
    await inviteStaff(admin, { email, name: "Pat Pharm", role: "PHARMACIST" });
    const [mail] = await mailTo(email);
    expect(mail?.subject).toMatch(/as Pharmacist$/);
  });

  it.each(["PATIENT", "DOCTOR", "PHARMACIST"] as const)("is FORBIDDEN for a %s, who creates nobody and sends nothing", async (role) => {
    const actor = await createActor(role);
    const email = newEmail();
    expect(await codeOf(inviteStaff(actor, { email, name: "Eve Intruder", role: "ADMIN" }))).toBe("FORBIDDEN");
    expect(await db().user.findUnique({ where: { email } })).toBeNull();
    expect(await mailTo(email)).toEqual([]);
  });

  it("is UNAUTHENTICATED for nobody", async () => {
    expect(await codeOf(inviteStaff(null, { email: newEmail(), name: "Nobody Here", role: "DOCTOR" }))).toBe("UNAUTHENTICATED");
  });

  it("refuses a second invitation to the same address, whatever its case, with CONFLICT", async () => {
    const admin = await createActor("ADMIN");
    const email = newEmail();
    await inviteStaff(admin, { email, name: "First Person", role: "DOCTOR" });
    const error = await inviteStaff(admin, { email: email.toUpperCase(), name: "Second Person", role: "ADMIN" }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).fieldErrors).toHaveProperty("email");
    expect(await db().invitation.count({ where: { email } })).toBe(1);
    expect((await db().user.findUniqueOrThrow({ where: { email } })).role).toBe("DOCTOR");
    expect(await mailTo(email)).toHaveLength(1);
  });

  it("gives CONFLICT to the loser of two simultaneous invitations to one address", async () => {
    const admin = await createActor("ADMIN");
    const email = newEmail();
    const results = await Promise.allSettled([
      inviteStaff(admin, { email, name: "Racer One", role: "DOCTOR" }),
      inviteStaff(admin, { email, name: "Racer Two", role: "DOCTOR" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(AppError);
    expect((loser.reason as AppError).code).toBe("CONFLICT");
    expect(await db().invitation.count({ where: { email } })).toBe(1);
  });

  it("refuses a patient role or an invalid address before touching anything", async () => {
    const admin = await createActor("ADMIN");
    await expect(inviteStaff(admin, { email: newEmail(), name: "Pat Ient", role: "PATIENT" as never })).rejects.toThrow(/Choose a role/);
    await expect(inviteStaff(admin, { email: "not-an-email", name: "Some One", role: "DOCTOR" })).rejects.toThrow(/valid email address/);
  });
});

describe("staff invitations at sign-in", () => {
  async function invited() {
    const admin = await createActor("ADMIN");
    const { userId } = await inviteStaff(admin, { email: newEmail(), name: "New Staff", role: "PHARMACIST" });
    return userOf(userId);
  }

  it("lets an invited person sign in while the invitation is open", async () => {
    expect(await mayStaffSignIn(await invited())).toBe(true);
  });

  it("refuses once the invitation has expired", async () => {
    const user = await invited();
    await db().invitation.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await mayStaffSignIn(user)).toBe(false);
  });

  it("refuses once the invitation was revoked", async () => {
    const user = await invited();
    await db().invitation.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    expect(await mayStaffSignIn(user)).toBe(false);
  });

  it("lets staff who signed in before, and patients, in without an invitation", async () => {
    const user = await invited();
    await db().invitation.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    expect(await mayStaffSignIn({ ...user, emailVerified: new Date() })).toBe(true);
    const patient = await userOf((await createActor("PATIENT")).userId);
    expect(await mayStaffSignIn({ ...patient, emailVerified: null })).toBe(true);
    const uninvitedDoctor = await userOf((await createActor("DOCTOR")).userId);
    expect(await mayStaffSignIn({ ...uninvitedDoctor, emailVerified: null })).toBe(false);
  });

  it("acceptInvitation marks the open invitation accepted, once", async () => {
    const user = await invited();
    await acceptInvitation(user.id);
    const { acceptedAt } = await db().invitation.findFirstOrThrow({ where: { userId: user.id } });
    expect(acceptedAt).toBeInstanceOf(Date);
    await new Promise((r) => setTimeout(r, 5));
    await acceptInvitation(user.id);
    expect((await db().invitation.findFirstOrThrow({ where: { userId: user.id } })).acceptedAt).toEqual(acceptedAt);
  });

  it("acceptInvitation leaves an expired invitation alone", async () => {
    const user = await invited();
    await db().invitation.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    await acceptInvitation(user.id);
    expect((await db().invitation.findFirstOrThrow({ where: { userId: user.id } })).acceptedAt).toBeNull();
  });
});
