import "server-only";
import { db } from "@/lib/db";

/** The doctor's unexpired break-glass access to the patient, if any (what the policy grants access on). */
export async function findActiveBreakGlass(patientId: string, doctorId: string) {
  return db().breakGlassAccess.findFirst({
    where: { patientId, doctorId, expiresAt: { gt: new Date() } },
    orderBy: { expiresAt: "desc" },
    select: { id: true, expiresAt: true },
  });
}
