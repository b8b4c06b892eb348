"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { grantConsent } from "./grant-consent";
import { revokeConsent } from "./revoke-consent";
import { grantConsentSchema, revokeConsentSchema } from "./schemas";

export async function submitConsentGrant(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await grantConsent(await currentActor(), parseForm(grantConsentSchema, formData));
    revalidatePath("/patient/consents");
    return { ok: true, message: "Access granted. It is being recorded on the blockchain." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitConsentRevocation(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await revokeConsent(await currentActor(), parseForm(revokeConsentSchema, formData));
    revalidatePath("/patient/consents");
    return { ok: true, message: "Access revoked. It no longer works in the portal." };
  } catch (error) {
    return toFormState(error);
  }
}
