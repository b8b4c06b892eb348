import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { clinicToday, doctorFreeSlots, requireActiveDoctor } from "./availability";
import { freeSlotsSchema, type FreeSlotsInput } from "./schemas";

/** A doctor's bookable slots over a few days, with the doctor's public profile. */
export async function listFreeSlots(actor: Actor | null, input: FreeSlotsInput) {
  authorize(actor, "doctors:search");
  const { doctorId, fromDate, days } = freeSlotsSchema.parse(input);
  const client = db();
  const doctor = await requireActiveDoctor(client, doctorId);
  const profile = await client.doctorProfile.findUnique({ where: { userId: doctorId } });
  const from = fromDate && fromDate > clinicToday() ? fromDate : clinicToday();
  return { doctor: { id: doctor.id, name: doctor.name ?? "Doctor", profile }, fromDate: from, slots: await doctorFreeSlots(client, doctorId, from, days) };
}
