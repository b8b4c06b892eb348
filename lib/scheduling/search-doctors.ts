import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clinicToday, doctorFreeSlots } from "./availability";
import { searchDoctorsSchema, type SearchDoctorsInput } from "./schemas";

/** How far ahead the directory looks for each doctor's next free slot. */
const LOOKAHEAD_DAYS = 28;

/** The doctor directory: active doctors by name or specialty, each with the next slot a patient could book. */
export async function searchDoctors(actor: Actor | null, input: SearchDoctorsInput = {}) {
  authorize(actor, "doctors:search");
  const { q, specialty } = searchDoctorsSchema.parse(input);
  const where: Prisma.UserWhereInput = {
    role: "DOCTOR",
    status: "ACTIVE",
    doctorProfile: { is: specialty ? { specialty: { equals: specialty, mode: "insensitive" } } : {} },
    ...(q
      ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { doctorProfile: { is: { specialty: { contains: q, mode: "insensitive" } } } }] }
      : {}),
  };
  const client = db();
  const doctors = await client.user.findMany({ where, orderBy: { name: "asc" }, select: { id: true, name: true, doctorProfile: true } });
  const today = clinicToday();
  return Promise.all(
    doctors.map(async (d) => ({
      id: d.id,
      name: d.name ?? "Doctor",
      profile: d.doctorProfile!,
      nextFreeSlot: (await doctorFreeSlots(client, d.id, today, LOOKAHEAD_DAYS))[0] ?? null,
    })),
  );
}

/** The specialties in the directory, for its filter. */
export async function listSpecialties(actor: Actor | null): Promise<string[]> {
  authorize(actor, "doctors:search");
  const rows = await db().doctorProfile.findMany({ where: { user: { status: "ACTIVE", role: "DOCTOR" } }, distinct: ["specialty"], select: { specialty: true }, orderBy: { specialty: "asc" } });
  return rows.map((r) => r.specialty);
}
