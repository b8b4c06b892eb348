"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { isAppError } from "@/lib/errors";
import { drugSchema, updateDrugSchema } from "../schemas";
import { createDrug, updateDrug } from "./manage-drugs";
import { searchDrugs, type DrugHit } from "./search-drugs";

/** Search-as-you-type and scans from the counter and order screens. */
export async function lookupDrugs(query: string, otcOnly = false): Promise<{ hits: DrugHit[]; error?: string }> {
  try {
    return { hits: await searchDrugs(await currentActor(), { query: String(query ?? ""), limit: 8, otcOnly: Boolean(otcOnly) }) };
  } catch (error) {
    return { hits: [], error: isAppError(error) ? error.message : "The search failed. Please try again." };
  }
}

export async function submitNewDrug(_prev: FormState, formData: FormData): Promise<FormState> {
  let drugId: string;
  try {
    ({ drugId } = await createDrug(await currentActor(), parseForm(drugSchema, formData)));
  } catch (error) {
    return toFormState(error);
  }
  redirect(`/pharmacy/inventory/${drugId}`);
}

export async function submitDrugUpdate(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(updateDrugSchema, formData);
    await updateDrug(await currentActor(), input);
    revalidatePath(`/pharmacy/inventory/${input.drugId}`);
    return { ok: true, message: "Saved." };
  } catch (error) {
    return toFormState(error);
  }
}
