"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { setRoleBudgetSchema, setUserBudgetSchema } from "./schemas";
import { setRoleBudget, setUserBudget } from "./set-budget";

export async function submitRoleBudget(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(setRoleBudgetSchema, formData);
    await setRoleBudget(await currentActor(), input);
    revalidatePath("/admin/sponsorship");
    return { ok: true, message: "Budget saved." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitUserBudget(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(setUserBudgetSchema, formData);
    await setUserBudget(await currentActor(), input);
    revalidatePath("/admin/sponsorship");
    return { ok: true, message: input.dailyGas === null ? "Override removed: the role's budget applies." : "Override saved." };
  } catch (error) {
    return toFormState(error);
  }
}
