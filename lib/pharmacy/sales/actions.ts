"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentActor } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/actions/form-state";
import { formatCents } from "../format";
import { createSale } from "./create-sale";
import { returnSale } from "./return-sale";

export type SaleFormState = FormState & { sale?: { saleId: string; number: number; totalCents: number } };

const cartField = z.string().transform((s, ctx) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "The cart could not be read." });
    return z.NEVER;
  }
});

/** The counter's cart (JSON in one field) and the payment method. */
export async function submitSale(_prev: SaleFormState, formData: FormData): Promise<SaleFormState> {
  try {
    const lines = cartField.parse(formData.get("lines") ?? "[]");
    const sale = await createSale(await currentActor(), { lines: lines as { drugId: string; quantity: number }[], paymentMethod: formData.get("paymentMethod") as "CASH" });
    revalidatePath("/pharmacy");
    return { ok: true, message: `Sale ${sale.number} completed: ${formatCents(sale.totalCents)}.`, sale };
  } catch (error) {
    return toFormState(error);
  }
}

/** Units brought back on a receipt: one quantity field per line, named qty-<saleLineId>. */
export async function submitSaleReturn(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const saleId = String(formData.get("saleId") ?? "");
    const lines = [...formData.entries()]
      .filter(([k]) => k.startsWith("qty-"))
      .map(([k, v]) => ({ saleLineId: k.slice(4), quantity: Number(v || 0) }));
    const refund = await returnSale(await currentActor(), { saleId, lines, reason: String(formData.get("reason") ?? "") });
    revalidatePath(`/pharmacy/sales/${saleId}`);
    return { ok: true, message: `${refund.units} unit${refund.units === 1 ? "" : "s"} returned to stock; refund ${formatCents(refund.refundCents)}.` };
  } catch (error) {
    return toFormState(error);
  }
}
