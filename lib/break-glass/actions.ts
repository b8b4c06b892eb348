"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { openBreakGlass } from "./open-break-glass";
import { reviewBreakGlass } from "./review-break-glass";
import { openBreakGlassSchema, reviewBreakGlassSchema } from "./schemas";

export async function submitBreakGlass(_prev: FormState, formData: FormData): Promise<FormState> {
  let patientId: string;
  try {
    const input = parseForm(openBreakGlassSchema, formData);
    patientId = (await openBreakGlass(await currentActor(), input)).patientId;
  } catch (error) {
    return toFormState(error);
  }
  redirect(`/doctor/patients/${patientId}?emergency=1`);
}

export async function submitBreakGlassReview(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(reviewBreakGlassSchema, formData);
    await reviewBreakGlass(await currentActor(), input);
    revalidatePath("/admin/break-glass");
    return { ok: true, message: input.verdict === "JUSTIFIED" ? "Marked as justified." : "Marked as not justified." };
  } catch (error) {
    return toFormState(error);
  }
}
