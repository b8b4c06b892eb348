"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { adjustStockSchema } from "../schemas";
import { adjustStock, expireLots } from "./adjust-stock";

export async function submitStockAdjustment(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(adjustStockSchema, formData);
    const { quantity } = await adjustStock(await currentActor(), input);
    revalidatePath("/pharmacy/inventory");
    return { ok: true, message: `Adjusted: the lot now holds ${quantity}.` };
  } catch (error) {
    return toFormState(error);
  }
}

/** Writes off one expired lot (lotId given) or every expired lot. */
export async function submitExpiredWriteOff(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const lotId = formData.get("lotId");
    const { lots, units } = await expireLots(await currentActor(), lotId ? { lotId: String(lotId) } : {});
    revalidatePath("/pharmacy", "layout");
    return { ok: true, message: lots === 0 ? "No expired stock to write off." : `Wrote off ${units} expired unit${units === 1 ? "" : "s"} from ${lots} lot${lots === 1 ? "" : "s"}.` };
  } catch (error) {
    return toFormState(error);
  }
}
