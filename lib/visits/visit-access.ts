import "server-only";
import { recordAuditNow } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorizeClinicalAccess } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import { isAppError } from "@/lib/errors";

/** The consent scope visits are shared under (lib/consent/scopes.ts). */
export const VISITS_SCOPE = "visits";

async function refuse(actor: Actor, patientId: string | undefined, visitId: string, action: string, message: string): Promise<never> {
  await recordAuditNow({ actor, patientId, action, resourceType: "Visit", resourceId: visitId, purpose: `refused: ${message}`, outcome: "DENIED" });
  throw new AppError("FORBIDDEN", message);
}

/** An open visit its own doctor is writing. A signed one is CONFLICT: it changes only by amendment. */
export async function visitForWriting(tx: Tx, actor: Actor, visitId: string, action: string) {
  const visit = await tx.visit.findUnique({ where: { id: visitId } });
  if (!visit) throw new AppError("NOT_FOUND", "There is no such visit.");
  if (visit.doctorId !== actor.userId) return refuse(actor, visit.patientId, visitId, action, "Only the doctor who holds the visit can write it.");
  if (visit.status === "SIGNED") throw new AppError("CONFLICT", "This visit is signed and locked. Add an amendment instead.");
  return visit;
}

/**
 * A visit as the actor may read it: its own doctor; the patient once it is signed; another doctor with the
 * patient's consent for visits (or an active break-glass), through the policy's clinical-access rule.
 */
export async function visitForReading(tx: Tx, actor: Actor, visitId: string): Promise<{ visit: NonNullable<Awaited<ReturnType<Tx["visit"]["findUnique"]>>>; basis: string }> {
  const visit = await tx.visit.findUnique({ where: { id: visitId } });
  if (!visit) throw new AppError("NOT_FOUND", "There is no such visit.");
  if (actor.role === "DOCTOR" && visit.doctorId === actor.userId) return { visit, basis: "author" };
  if (actor.role === "PATIENT" && visit.patientId === actor.userId && visit.status !== "SIGNED") throw new AppError("NOT_FOUND", "There is no such visit.");
  try {
    const access = await authorizeClinicalAccess(actor, visit.patientId, VISITS_SCOPE);
    const basis = access.basis === "consent" ? `consent ${access.consentId}` : access.basis === "break-glass" ? `break-glass ${access.accessId}` : access.basis;
    return { visit, basis };
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") return refuse(actor, visit.patientId, visitId, "read", error.message);
    throw error;
  }
}
