import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { doctorProfileSchema, type DoctorProfileInput } from "./schemas";

/** The signed-in doctor's own directory profile (null until they first save it). */
export async function getMyDoctorProfile(actor: Actor | null) {
  authorize(actor, "doctor-profile:edit-own");
  return db().doctorProfile.findUnique({ where: { userId: actor.userId } });
}

/** A doctor edits their own profile: specialty, qualifications, languages, bio and consultation fee. */
export async function updateMyDoctorProfile(actor: Actor | null, input: DoctorProfileInput): Promise<void> {
  authorize(actor, "doctor-profile:edit-own");
  const { fee, ...rest } = doctorProfileSchema.parse(input);
  const data = { ...rest, feeCents: fee };
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { role: true } });
    if (user?.role !== "DOCTOR") throw new AppError("FORBIDDEN", "Only doctors have a directory profile.");
    await tx.doctorProfile.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId, ...data }, update: data });
    await recordAudit(tx, { actor, action: "update", resourceType: "Practitioner", resourceId: actor.userId, purpose: "directory profile" });
  });
}
