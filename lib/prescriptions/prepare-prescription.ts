import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { prescribingContext, prescribingVisit } from "./prescribing-context";
import { prepareSchema } from "./schemas";

/** The prescribing screen's check of one drug for the visit's patient: price, stock and warnings. */
export async function preparePrescription(actor: Actor | null, input: { visitId: string; drugId: string }) {
  authorize(actor, "prescriptions:write");
  const { visitId, drugId } = prepareSchema.parse(input);
  return db().$transaction(async (tx) => {
    const visit = await prescribingVisit(tx, actor, visitId);
    const context = await prescribingContext(tx, actor, visit.patientId, drugId);
    await recordAudit(tx, { actor, patientId: visit.patientId, action: "read", resourceType: "Prescription", resourceId: drugId, purpose: "prescribing check: allergies and interactions" });
    return context;
  });
}
