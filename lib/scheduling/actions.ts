"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { bookAppointment } from "./book-appointment";
import { cancelAppointment } from "./cancel-appointment";
import { checkInAppointment, markNoShow } from "./check-in-appointment";
import { addTimeOff, removeTimeOff, setWorkingHours } from "./manage-schedule";
import { rescheduleAppointment } from "./reschedule-appointment";
import { appointmentIdSchema, bookAppointmentSchema, rescheduleAppointmentSchema, timeOffIdSchema } from "./schemas";
import { clinicTimeZone } from "./availability";
import { formatInZone, zonedTimeToUtc, parseMinute } from "./time-zone";

export async function submitBooking(_prev: FormState, formData: FormData): Promise<FormState> {
  let bookedFor: string | undefined;
  let when: string;
  let consentFailed = false;
  try {
    const actor = await currentActor();
    const booked = await bookAppointment(actor, parseForm(bookAppointmentSchema, formData));
    when = formatInZone(booked.startsAt, clinicTimeZone(), { dateStyle: "full", timeStyle: "short" });
    if (actor?.role !== "PATIENT") bookedFor = booked.patientId;
    consentFailed = booked.consent === "failed";
  } catch (error) {
    return toFormState(error);
  }
  if (bookedFor) {
    revalidatePath("/admin/appointments");
    return { ok: true, message: `Booked for ${when}. The patient has been emailed a confirmation.` };
  }
  redirect(`/patient/appointments?booked=${encodeURIComponent(when)}${consentFailed ? "&consent=failed" : ""}`);
}

export async function submitReschedule(_prev: FormState, formData: FormData): Promise<FormState> {
  let when: string;
  try {
    const moved = await rescheduleAppointment(await currentActor(), parseForm(rescheduleAppointmentSchema, formData));
    when = formatInZone(moved.startsAt, clinicTimeZone(), { dateStyle: "full", timeStyle: "short" });
  } catch (error) {
    return toFormState(error);
  }
  redirect(`/patient/appointments?moved=${encodeURIComponent(when)}`);
}

export async function submitCancellation(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await cancelAppointment(await currentActor(), parseForm(appointmentIdSchema, formData));
    revalidatePath("/patient/appointments");
    revalidatePath("/admin/appointments");
    return { ok: true, message: "The appointment is cancelled. A cancellation has been emailed." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitCheckIn(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await checkInAppointment(await currentActor(), parseForm(appointmentIdSchema, formData));
    revalidatePath("/doctor");
    revalidatePath("/admin/appointments");
    return { ok: true, message: "Checked in." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitNoShow(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await markNoShow(await currentActor(), parseForm(appointmentIdSchema, formData));
    revalidatePath("/doctor");
    return { ok: true, message: "Marked as not attended." };
  } catch (error) {
    return toFormState(error);
  }
}

/** The weekly hours form: for each weekday 1–7, optional start/end/slot fields named start-<d>, end-<d>, slot-<d>. */
export async function submitWorkingHours(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const intervals = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => {
      const start = String(formData.get(`start-${weekday}`) ?? "").trim();
      const end = String(formData.get(`end-${weekday}`) ?? "").trim();
      if (!start && !end) return [];
      return [{ weekday, start, end, slotMinutes: Number(formData.get(`slot-${weekday}`) ?? 30) }];
    });
    await setWorkingHours(await currentActor(), { doctorId: (formData.get("doctorId") as string) || undefined, intervals });
    revalidatePath("/doctor/schedule");
    return { ok: true, message: "Working hours saved. New slots follow them; booked appointments stay as they are." };
  } catch (error) {
    return toFormState(error);
  }
}

/** Leave or a block, given as clinic-local dates and times (date, from, to). */
export async function submitTimeOff(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const tz = clinicTimeZone();
    const date = String(formData.get("date") ?? "");
    const endDate = String(formData.get("endDate") || date);
    const from = parseMinute(String(formData.get("from") || "00:00"));
    const to = parseMinute(String(formData.get("to") || "24:00"));
    const valid = /^\d{4}-\d{2}-\d{2}$/;
    if (!valid.test(date) || !valid.test(endDate) || from === null || to === null) {
      return { error: "Please correct the highlighted fields.", fieldErrors: { date: ["Enter the dates and times."] } };
    }
    await addTimeOff(await currentActor(), {
      doctorId: (formData.get("doctorId") as string) || undefined,
      kind: formData.get("kind") === "LEAVE" ? "LEAVE" : "BLOCK",
      note: String(formData.get("note") ?? ""),
      startsAt: zonedTimeToUtc(date, from, tz),
      endsAt: zonedTimeToUtc(endDate, to, tz),
    });
    revalidatePath("/doctor/schedule");
    return { ok: true, message: "Saved. No slots are offered in that time." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitRemoveTimeOff(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await removeTimeOff(await currentActor(), parseForm(timeOffIdSchema, formData));
    revalidatePath("/doctor/schedule");
    return { ok: true, message: "Removed." };
  } catch (error) {
    return toFormState(error);
  }
}
