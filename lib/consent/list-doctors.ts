import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";

/** The clinic's active doctors (name and specialty), for a patient choosing whom to grant access. */
export async function listDoctorsForConsent(actor: Actor | null): Promise<{ id: string; name: string; specialty: string }[]> {
  authorize(actor, "consent:manage-own");
  const doctors = await db().user.findMany({
    where: { role: "DOCTOR", status: "ACTIVE", doctorProfile: { isNot: null } },
    select: { id: true, name: true, email: true, doctorProfile: { select: { specialty: true } } },
    orderBy: { name: "asc" },
  });
  return doctors.map((d) => ({ id: d.id, name: d.name ?? d.email, specialty: d.doctorProfile!.specialty }));
}
