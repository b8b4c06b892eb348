import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createActor } from "@/test/factories";
import { createSupplier } from "./suppliers";
import { addPurchaseOrderLine, cancelPurchaseOrder, createPurchaseOrder, getPurchaseOrder, receivePurchaseOrder, removePurchaseOrderLine, sendPurchaseOrder } from "./purchase-orders";
import { getReorderSuggestions } from "./reorder-suggestions";
import { getDrugStockAndPrice } from "../catalogue/get-drug-stock-and-price";
import { createDrug, stockLot } from "../test/fixtures";

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : Promise.reject(e)));
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe("procurement", () => {
  it("takes an order from draft to sent to partly and fully received; receiving creates lots and raises stock", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const { supplierId } = await createSupplier(pharmacist, { name: `Supplier ${Date.now()}`, email: "", phone: "", leadTimeDays: 2 });
    const a = await createDrug();
    const b = await createDrug();
    const { purchaseOrderId } = await createPurchaseOrder(pharmacist, { supplierId, lines: [{ drugId: a.id, quantity: 10, unitCostCents: 120 }] });
    await addPurchaseOrderLine(pharmacist, { purchaseOrderId, drugId: b.id, quantity: 4, unitCostCents: 300 });
    expect(await codeOf(addPurchaseOrderLine(pharmacist, { purchaseOrderId, drugId: b.id, quantity: 1, unitCostCents: 1 }))).toBe("CONFLICT");

    // Receiving a draft is refused; so is changing a sent order.
    const draft = await getPurchaseOrder(pharmacist, purchaseOrderId);
    const lineA = draft.lines.find((l) => l.drugId === a.id)!;
    const lineB = draft.lines.find((l) => l.drugId === b.id)!;
    const receiveA = (quantity: number, lotNumber = "PO-A1") => receivePurchaseOrder(pharmacist, { purchaseOrderId, lines: [{ lineId: lineA.id, quantity, lotNumber, expiresOn: inDays(365), location: "B2" }] });
    expect(await codeOf(receiveA(1))).toBe("CONFLICT");
    await sendPurchaseOrder(pharmacist, { purchaseOrderId });
    expect(await codeOf(sendPurchaseOrder(pharmacist, { purchaseOrderId }))).toBe("CONFLICT");
    expect(await codeOf(removePurchaseOrderLine(pharmacist, { purchaseOrderId, lineId: lineB.id }))).toBe("CONFLICT");

    expect(await receiveA(6)).toEqual({ status: "PARTIALLY_RECEIVED", units: 6 });
    expect((await getDrugStockAndPrice(pharmacist, [a.id]))[0]!.onHand).toBe(6);
    expect(await codeOf(receiveA(5))).toBe("CONFLICT");
    expect(
      await receivePurchaseOrder(pharmacist, {
        purchaseOrderId,
        lines: [
          { lineId: lineA.id, quantity: 4, lotNumber: "PO-A2", expiresOn: inDays(500), location: "B2" },
          { lineId: lineB.id, quantity: 4, lotNumber: "PO-B1", expiresOn: inDays(200), location: "C1" },
        ],
      }),
    ).toEqual({ status: "RECEIVED", units: 8 });
    expect((await getDrugStockAndPrice(pharmacist, [a.id]))[0]!.onHand).toBe(10);
    const lots = await db().stockLot.findMany({ where: { drugId: a.id }, orderBy: { lotNumber: "asc" } });
    expect(lots.map((l) => [l.lotNumber, l.quantity, l.unitCostCents])).toEqual([["PO-A1", 6, 120], ["PO-A2", 4, 120]]);
    expect(await codeOf(receiveA(1))).toBe("CONFLICT");
    expect(await codeOf(cancelPurchaseOrder(pharmacist, { purchaseOrderId }))).toBe("CONFLICT");
  });

  it("asks for lot number and expiry of each received line", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const { supplierId } = await createSupplier(pharmacist, { name: `Supplier L ${Date.now()}` });
    const drug = await createDrug();
    const { purchaseOrderId } = await createPurchaseOrder(pharmacist, { supplierId, lines: [{ drugId: drug.id, quantity: 3, unitCostCents: 100 }] });
    await sendPurchaseOrder(pharmacist, { purchaseOrderId });
    const line = (await getPurchaseOrder(pharmacist, purchaseOrderId)).lines[0]!;
    await expect(receivePurchaseOrder(pharmacist, { purchaseOrderId, lines: [{ lineId: line.id, quantity: 3, lotNumber: "", expiresOn: "" }] })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { [`lot-${line.id}`]: expect.any(Array), [`expiry-${line.id}`]: expect.any(Array) },
    });
  });

  it("suggests reorders for items at or below their level, counting open orders", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const low = await createDrug({ reorderLevel: 10 });
    const fine = await createDrug({ reorderLevel: 2 });
    await stockLot(low.id, pharmacist.userId, 3, 100);
    await stockLot(fine.id, pharmacist.userId, 30, 100);
    const suggestions = await getReorderSuggestions(pharmacist);
    const s = suggestions.find((x) => x.drugId === low.id);
    expect(s).toMatchObject({ onHand: 3, onOrder: 0, reorderLevel: 10, suggested: 50 });
    expect(suggestions.some((x) => x.drugId === fine.id)).toBe(false);

    const { supplierId } = await createSupplier(pharmacist, { name: `Supplier R ${Date.now()}` });
    await createPurchaseOrder(pharmacist, { supplierId, lines: [{ drugId: low.id, quantity: 50, unitCostCents: 100 }] });
    expect((await getReorderSuggestions(pharmacist)).some((x) => x.drugId === low.id)).toBe(false);
  });
});
