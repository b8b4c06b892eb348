"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/actions/form-state";
import { updateMyDoctorProfile } from "./doctor-profile";
import type { DoctorProfileInput } from "./schemas";

export async function submitDoctorProfile(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    // The data function validates the form's strings with the schema (after checking who is asking).
    await updateMyDoctorProfile(await currentActor(), Object.fromEntries(formData.entries()) as DoctorProfileInput);
    revalidatePath("/doctor/profile");
    return { ok: true, message: "Your profile is saved. Patients see it in the directory." };
  } catch (error) {
    return toFormState(error);
  }
}
