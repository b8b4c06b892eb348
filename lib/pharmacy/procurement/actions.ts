"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { addOrderLineSchema, createSupplierSchema, purchaseOrderIdSchema, removeOrderLineSchema } from "../schemas";
import { addPurchaseOrderLine, cancelPurchaseOrder, createPurchaseOrder, receivePurchaseOrder, removePurchaseOrderLine, sendPurchaseOrder } from "./purchase-orders";
import { createSupplier } from "./suppliers";

const orderPath = (id: string) => `/pharmacy/orders/${id}`;

export async function submitSupplier(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(createSupplierSchema, formData);
    await createSupplier(await currentActor(), input);
    revalidatePath("/pharmacy/orders");
    return { ok: true, message: `${input.name} added.` };
  } catch (error) {
    return toFormState(error);
  }
}

/** A new draft order for a supplier, with the reorder suggestions that were ticked (fields drug-<id> = quantity). */
export async function submitPurchaseOrder(_prev: FormState, formData: FormData): Promise<FormState> {
  let purchaseOrderId: string;
  try {
    const lines = [...formData.entries()]
      .filter(([k, v]) => k.startsWith("drug-") && Number(v) > 0)
      .map(([k, v]) => ({ drugId: k.slice(5), quantity: Number(v), unitCostCents: Number(formData.get(`cost-${k.slice(5)}`) ?? 0) }));
    ({ purchaseOrderId } = await createPurchaseOrder(await currentActor(), { supplierId: String(formData.get("supplierId") ?? ""), lines, notes: String(formData.get("notes") ?? "") }));
  } catch (error) {
    return toFormState(error);
  }
  redirect(orderPath(purchaseOrderId));
}

export async function submitOrderLine(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(addOrderLineSchema, formData);
    await addPurchaseOrderLine(await currentActor(), input);
    revalidatePath(orderPath(input.purchaseOrderId));
    return { ok: true, message: "Line added." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitRemoveOrderLine(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(removeOrderLineSchema, formData);
    await removePurchaseOrderLine(await currentActor(), input);
    revalidatePath(orderPath(input.purchaseOrderId));
    return { ok: true, message: "Line removed." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitSendOrder(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(purchaseOrderIdSchema, formData);
    await sendPurchaseOrder(await currentActor(), input);
    revalidatePath(orderPath(input.purchaseOrderId));
    return { ok: true, message: "Order marked as sent to the supplier." };
  } catch (error) {
    return toFormState(error);
  }
}

export async function submitCancelOrder(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const input = parseForm(purchaseOrderIdSchema, formData);
    await cancelPurchaseOrder(await currentActor(), input);
    revalidatePath(orderPath(input.purchaseOrderId));
    return { ok: true, message: "Order cancelled." };
  } catch (error) {
    return toFormState(error);
  }
}

/** A delivery against the order: per line, qty-<lineId>, lot-<lineId>, expiry-<lineId>, location-<lineId>. */
export async function submitReceipt(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const purchaseOrderId = String(formData.get("purchaseOrderId") ?? "");
    const lines = [...formData.keys()]
      .filter((k) => k.startsWith("qty-"))
      .map((k) => k.slice(4))
      .map((lineId) => ({
        lineId,
        quantity: Number(formData.get(`qty-${lineId}`) || 0),
        lotNumber: String(formData.get(`lot-${lineId}`) ?? ""),
        expiresOn: String(formData.get(`expiry-${lineId}`) ?? ""),
        location: String(formData.get(`location-${lineId}`) ?? ""),
      }));
    const { status, units } = await receivePurchaseOrder(await currentActor(), { purchaseOrderId, lines });
    revalidatePath(orderPath(purchaseOrderId));
    return { ok: true, message: `Received ${units} unit${units === 1 ? "" : "s"} into stock; the order is ${status === "RECEIVED" ? "received in full" : "partly received"}.` };
  } catch (error) {
    return toFormState(error);
  }
}
