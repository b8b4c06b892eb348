import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor, Role } from "@/lib/authz/actor";

/** A user of the given role with a live session, as the data layer sees them. */
export async function createActor(role: Role, opts: { onboarded?: boolean } = {}): Promise<Actor & { email: string }> {
  const email = `${role.toLowerCase()}-${randomUUID()}@example.com`;
  const user = await db().user.create({ data: { email, role, name: `Test ${role}`, emailVerified: new Date() } });
  const session = await db().session.create({
    data: { sessionToken: randomUUID(), userId: user.id, expires: new Date(Date.now() + 86_400_000) },
  });
  if (role === "PATIENT" && opts.onboarded !== false) {
    await db().patientProfile.create({
      data: {
        userId: user.id,
        givenName: "Test",
        familyName: "Patient",
        dateOfBirth: new Date("1990-01-01"),
        sex: "UNKNOWN",
        phone: "+1 555 000 0000",
        addressLine: "1 Test Street",
        city: "Testville",
        postalCode: "00000",
        country: "Testland",
        emergencyContactName: "Next Of Kin",
        emergencyContactPhone: "+1 555 000 0001",
        emergencyContactRelation: "Friend",
      },
    });
  }
  return { userId: user.id, role, sessionId: session.id, email };
}

/** Messages the mail sink received for an address, newest first. */
export async function mailTo(address: string): Promise<{ subject: string; text: string }[]> {
  const response = await fetch(`${process.env.MAIL_SINK_URL}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}
