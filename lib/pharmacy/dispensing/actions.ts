"use server";

import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { dispensePrescription, dispenseSchema } from "./dispense-prescription";

/** Fills the prescription, then opens its label and receipt. */
export async function submitDispense(_prev: FormState, formData: FormData): Promise<FormState> {
  let dispenseId: string;
  try {
    const input = parseForm(dispenseSchema, formData);
    ({ dispenseId } = await dispensePrescription(await currentActor(), input));
  } catch (error) {
    return toFormState(error);
  }
  redirect(`/pharmacy/dispenses/${dispenseId}`);
}
