import "server-only";
import { z } from "zod";
import { db, isUniqueViolation } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import { clinicToday } from "@/lib/scheduling/availability";
import { receiveIntoLot } from "../inventory/ledger";
import {
  addOrderLineSchema,
  createPurchaseOrderSchema,
  purchaseOrderIdSchema,
  receivePurchaseOrderSchema,
  removeOrderLineSchema,
  type AddOrderLineInput,
  type CreatePurchaseOrderInput,
  type ReceivePurchaseOrderInput,
} from "../schemas";

/** A new order, in draft: lines can still be added and removed until it is sent. */
export async function createPurchaseOrder(actor: Actor | null, input: CreatePurchaseOrderInput): Promise<{ purchaseOrderId: string; number: number }> {
  authorize(actor, "procurement:manage");
  const { supplierId, lines, notes } = createPurchaseOrderSchema.parse(input);
  if (!(await db().supplier.findUnique({ where: { id: supplierId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "There is no such supplier.", { supplierId: ["Choose a supplier."] });
  }
  const merged = new Map<string, { quantity: number; unitCostCents: number }>();
  for (const l of lines) merged.set(l.drugId, { quantity: (merged.get(l.drugId)?.quantity ?? 0) + l.quantity, unitCostCents: l.unitCostCents });
  const order = await db().purchaseOrder.create({
    data: {
      supplierId,
      notes,
      createdById: actor.userId,
      lines: { create: [...merged].map(([drugId, l]) => ({ drugId, quantityOrdered: l.quantity, unitCostCents: l.unitCostCents })) },
    },
    select: { id: true, number: true },
  });
  return { purchaseOrderId: order.id, number: order.number };
}

const notDraft = () => new AppError("CONFLICT", "This order has been sent: its lines can no longer change.");

export async function addPurchaseOrderLine(actor: Actor | null, input: AddOrderLineInput): Promise<void> {
  authorize(actor, "procurement:manage");
  const { purchaseOrderId, drugId, quantity, unitCostCents } = addOrderLineSchema.parse(input);
  await db().$transaction(async (tx) => {
    const order = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text FROM "PurchaseOrder" WHERE "id" = ${purchaseOrderId}::uuid FOR UPDATE`;
    if (!order[0]) throw new AppError("NOT_FOUND", "There is no such order.");
    if (order[0].status !== "DRAFT") throw notDraft();
    try {
      await tx.purchaseOrderLine.create({ data: { purchaseOrderId, drugId, quantityOrdered: quantity, unitCostCents } });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", "This item is on the order already.", { drugId: ["Already on the order."] });
      throw error;
    }
  });
}

export async function removePurchaseOrderLine(actor: Actor | null, input: { purchaseOrderId: string; lineId: string }): Promise<void> {
  authorize(actor, "procurement:manage");
  const { purchaseOrderId, lineId } = removeOrderLineSchema.parse(input);
  const removed = await db().$executeRaw`
    DELETE FROM "PurchaseOrderLine" l USING "PurchaseOrder" o
    WHERE l."id" = ${lineId}::uuid AND l."purchaseOrderId" = o."id" AND o."id" = ${purchaseOrderId}::uuid AND o."status" = 'DRAFT'`;
  if (removed === 0) throw notDraft();
}

/** Draft → sent (conditional update: zero rows means it was not a draft any more). */
export async function sendPurchaseOrder(actor: Actor | null, input: { purchaseOrderId: string }): Promise<void> {
  authorize(actor, "procurement:manage");
  const { purchaseOrderId } = purchaseOrderIdSchema.parse(input);
  const lines = await db().purchaseOrderLine.count({ where: { purchaseOrderId } });
  if (lines === 0) throw new AppError("VALIDATION", "Add at least one line before sending the order.");
  const sent = await db().purchaseOrder.updateMany({ where: { id: purchaseOrderId, status: "DRAFT" }, data: { status: "SENT", sentAt: new Date() } });
  if (sent.count === 0) throw new AppError("CONFLICT", "Only a draft order can be sent.");
}

/** Cancels an order nothing has been received on yet. */
export async function cancelPurchaseOrder(actor: Actor | null, input: { purchaseOrderId: string }): Promise<void> {
  authorize(actor, "procurement:manage");
  const { purchaseOrderId } = purchaseOrderIdSchema.parse(input);
  const cancelled = await db().purchaseOrder.updateMany({ where: { id: purchaseOrderId, status: { in: ["DRAFT", "SENT"] } }, data: { status: "CANCELLED" } });
  if (cancelled.count === 0) throw new AppError("CONFLICT", "Only a draft or sent order with nothing received can be cancelled.");
}

/**
 * Receives goods against a sent order, fully or in part: each received line becomes a lot (or adds to the lot with
 * the same number) through a RECEIVE movement. The order row is locked so two receipts of one delivery queue,
 * and the database refuses receiving more than was ordered.
 */
export async function receivePurchaseOrder(actor: Actor | null, input: ReceivePurchaseOrderInput): Promise<{ status: string; units: number }> {
  authorize(actor, "procurement:manage");
  const { purchaseOrderId, lines } = receivePurchaseOrderSchema.parse(input);
  const receiving = lines.filter((l) => l.quantity > 0);
  if (receiving.length === 0) throw new AppError("VALIDATION", "Enter the quantity received on at least one line.");
  const fieldErrors: Record<string, string[]> = {};
  for (const l of receiving) {
    if (!l.lotNumber) fieldErrors[`lot-${l.lineId}`] = ["Enter the lot number printed on the pack."];
    if (!l.expiresOn) fieldErrors[`expiry-${l.lineId}`] = ["Enter the expiry date."];
  }
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "Each received line needs its lot number and expiry date.", fieldErrors);

  return db().$transaction(async (tx) => {
    const order = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text FROM "PurchaseOrder" WHERE "id" = ${purchaseOrderId}::uuid FOR UPDATE`;
    if (!order[0]) throw new AppError("NOT_FOUND", "There is no such order.");
    if (order[0].status !== "SENT" && order[0].status !== "PARTIALLY_RECEIVED") {
      throw new AppError("CONFLICT", order[0].status === "RECEIVED" ? "This order has been received in full already." : "Only a sent order can be received.");
    }
    const orderLines = await tx.purchaseOrderLine.findMany({ where: { purchaseOrderId }, include: { drug: { select: { name: true } } } });
    const byId = new Map(orderLines.map((l) => [l.id, l]));
    let units = 0;
    for (const r of receiving) {
      const line = byId.get(r.lineId);
      if (!line) throw new AppError("NOT_FOUND", "A line is not on this order.");
      if (line.quantityReceived + r.quantity > line.quantityOrdered) {
        throw new AppError("CONFLICT", `${line.drug.name}: ${line.quantityOrdered - line.quantityReceived} left to receive, not ${r.quantity}.`);
      }
      if (r.expiresOn < clinicToday()) throw new AppError("VALIDATION", `${line.drug.name}: lot ${r.lotNumber} has expired already; do not receive it.`);
      await receiveIntoLot(tx, {
        drugId: line.drugId,
        lotNumber: r.lotNumber,
        expiresOn: new Date(`${r.expiresOn}T00:00:00Z`),
        unitCostCents: line.unitCostCents,
        location: r.location,
        quantity: r.quantity,
        actorId: actor.userId,
        purchaseOrderLineId: line.id,
      });
      await tx.purchaseOrderLine.update({ where: { id: line.id }, data: { quantityReceived: { increment: r.quantity } } });
      line.quantityReceived += r.quantity;
      units += r.quantity;
    }
    const complete = orderLines.every((l) => l.quantityReceived >= l.quantityOrdered);
    const status = complete ? "RECEIVED" : "PARTIALLY_RECEIVED";
    await tx.purchaseOrder.update({ where: { id: purchaseOrderId }, data: { status, receivedAt: complete ? new Date() : null } });
    return { status, units };
  });
}

export async function listPurchaseOrders(actor: Actor | null) {
  authorize(actor, "procurement:manage");
  return db().purchaseOrder.findMany({
    orderBy: [{ createdAt: "desc" }],
    take: 100,
    include: { supplier: { select: { name: true } }, lines: { select: { quantityOrdered: true, quantityReceived: true, unitCostCents: true } } },
  });
}

export async function getPurchaseOrder(actor: Actor | null, purchaseOrderId: string) {
  authorize(actor, "procurement:manage");
  if (!z.uuid().safeParse(purchaseOrderId).success) throw new AppError("NOT_FOUND", "There is no such order.");
  const order = await db().purchaseOrder.findUnique({
    where: { id: purchaseOrderId },
    include: {
      supplier: true,
      lines: {
        orderBy: { drug: { name: "asc" } },
        include: {
          drug: { select: { id: true, name: true, strength: true, barcode: true } },
          movements: { select: { quantity: true, at: true, lot: { select: { lotNumber: true, expiresOn: true } } }, orderBy: { seq: "asc" } },
        },
      },
    },
  });
  if (!order) throw new AppError("NOT_FOUND", "There is no such order.");
  return order;
}
