import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { emergencySearchSchema } from "./schemas";

/**
 * For break-glass only: a doctor finds the patient in front of them by name, seeing just enough to tell people
 * apart (name, date of birth). The search itself is audited.
 */
export async function findPatientsForEmergency(actor: Actor | null, input: { q: string }) {
  authorize(actor, "break-glass:open");
  const { q } = emergencySearchSchema.parse(input);
  const words = q.split(/\s+/).slice(0, 3);
  return db().$transaction(async (tx) => {
    const rows = await tx.patientProfile.findMany({
      where: { AND: words.map((w) => ({ OR: [{ givenName: { contains: w, mode: "insensitive" as const } }, { familyName: { contains: w, mode: "insensitive" as const } }] })), user: { status: "ACTIVE" } },
      orderBy: [{ familyName: "asc" }, { givenName: "asc" }],
      take: 10,
      select: { userId: true, givenName: true, familyName: true, dateOfBirth: true },
    });
    await recordAudit(tx, { actor, action: "search", resourceType: "Patient", purpose: "emergency patient search" });
    return rows.map((r) => ({ id: r.userId, name: `${r.givenName} ${r.familyName}`, dateOfBirth: r.dateOfBirth.toISOString().slice(0, 10) }));
  });
}
