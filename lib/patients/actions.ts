"use server";

import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { completeOnboarding } from "./complete-onboarding";
import { onboardingSchema } from "./schemas";

export async function submitOnboarding(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await completeOnboarding(await currentActor(), parseForm(onboardingSchema, formData));
  } catch (error) {
    return toFormState(error);
  }
  redirect("/patient?welcome=1");
}
