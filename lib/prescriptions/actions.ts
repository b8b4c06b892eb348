"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { signPrescription } from "./sign-prescription";
import { signPrescriptionSchema } from "./schemas";

export async function submitPrescription(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(signPrescriptionSchema, formData);
    const rx = await signPrescription(await currentActor(), input);
    revalidatePath(`/doctor/visits/${input.visitId}`);
    return { ok: true, message: `Signed prescription ${rx.code}. Its hash is being anchored on chain.`, redirectTo: `/rx/${rx.code}` };
  } catch (error) {
    return toFormState(error);
  }
}
