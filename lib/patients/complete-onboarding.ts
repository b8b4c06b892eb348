import "server-only";
import { db, isUniqueViolation } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { onboardingSchema, type OnboardingInput } from "./schemas";

/** A new patient's own details, given once after the first sign-in. */
export async function completeOnboarding(actor: Actor | null, input: OnboardingInput): Promise<void> {
  authorize(actor, "profile:onboard");
  const data = onboardingSchema.parse(input);
  const alreadyOnFile = () => new AppError("CONFLICT", "Your details are already on file.");
  await db().$transaction(async (tx) => {
    const existing = await tx.patientProfile.findUnique({ where: { userId: actor.userId }, select: { userId: true } });
    if (existing) throw alreadyOnFile();
    await tx.patientProfile.create({ data: { ...data, dateOfBirth: new Date(data.dateOfBirth), userId: actor.userId } });
    await tx.user.update({ where: { id: actor.userId }, data: { name: `${data.givenName} ${data.familyName}` } });
    await recordAudit(tx, {
      actor,
      patientId: actor.userId,
      action: "create",
      resourceType: "Patient",
      resourceId: actor.userId,
      purpose: "onboarding",
    });
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? alreadyOnFile() : error;
  });
}
