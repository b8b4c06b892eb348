import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";

const findSchema = z.object({ patient: z.string().trim().min(2, { error: "Type at least two letters of the patient's name." }).max(80) });

/**
 * For a patient without their prescription at hand: open (signed, unexpired) prescriptions of patients whose name
 * matches, newest first. Every patient whose prescriptions are shown gets an audit row.
 */
export async function findPrescriptionsByPatient(actor: Actor | null, input: { patient: string }) {
  authorize(actor, "pharmacy:dispense");
  const parsed = findSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Type at least two letters of the patient's name.");
  const { patient } = parsed.data;
  const words = patient.split(/\s+/).slice(0, 3);
  return db().$transaction(async (tx) => {
    const people = await tx.patientProfile.findMany({
      where: { AND: words.map((w) => ({ OR: [{ givenName: { contains: w, mode: "insensitive" as const } }, { familyName: { contains: w, mode: "insensitive" as const } }] })) },
      select: { userId: true, givenName: true, familyName: true, dateOfBirth: true },
      take: 10,
    });
    const rows = await tx.prescription.findMany({
      where: { patientId: { in: people.map((p) => p.userId) }, status: "SIGNED", expiresAt: { gt: new Date() } },
      orderBy: { signedAt: "desc" },
      take: 30,
      select: { id: true, code: true, patientId: true, drugName: true, quantity: true, refills: true, signedAt: true },
    });
    for (const p of people.filter((p) => rows.some((r) => r.patientId === p.userId))) {
      await recordAudit(tx, { actor, patientId: p.userId, action: "search", resourceType: "Prescription", purpose: "find prescriptions to dispense" });
    }
    return rows.map((r) => {
      const p = people.find((x) => x.userId === r.patientId)!;
      return { ...r, patientName: `${p.givenName} ${p.familyName}`, patientDateOfBirth: p.dateOfBirth };
    });
  });
}
