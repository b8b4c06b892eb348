import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createActor } from "@/test/factories";
import { createSale } from "./create-sale";
import { returnSale } from "./return-sale";
import { getSale } from "./get-sale";
import { createDrug, lotState, stockLot } from "../test/fixtures";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("counter sales", () => {
  it("sells first-expiring lots first, never an expired lot, at the catalogue price", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const drug = await createDrug({ priceCents: 350 });
    const expired = await stockLot(drug.id, pharmacist.userId, 10, -1);
    const later = await stockLot(drug.id, pharmacist.userId, 10, 200);
    const sooner = await stockLot(drug.id, pharmacist.userId, 3, 30);

    const sale = await createSale(pharmacist, { lines: [{ drugId: drug.id, quantity: 5 }], paymentMethod: "CARD" });
    expect(sale.totalCents).toBe(1750);
    expect((await lotState(sooner)).quantity).toBe(0);
    expect((await lotState(later)).quantity).toBe(8);
    expect((await lotState(expired)).quantity).toBe(10);

    // 8 sellable units left; the 10 expired ones do not count.
    expect(await codeOf(createSale(pharmacist, { lines: [{ drugId: drug.id, quantity: 9 }], paymentMethod: "CASH" }))).toBe("CONFLICT");
    expect((await lotState(later)).quantity).toBe(8);
  });

  it("the database itself refuses to sell from an expired lot", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const drug = await createDrug();
    const expired = await stockLot(drug.id, pharmacist.userId, 4, -3);
    await expect(
      db().stockMovement.create({ data: { lotId: expired, drugId: drug.id, kind: "SELL", quantity: -1, actorId: pharmacist.userId } }),
    ).rejects.toThrow();
    expect(await lotState(expired)).toEqual({ quantity: 4, ledger: 4 });
  });

  it("20 concurrent sales of the last 5 units: exactly 5 succeed and stock ends at 0", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const drug = await createDrug();
    const lot = await stockLot(drug.id, pharmacist.userId, 5, 90);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => codeOf(createSale(pharmacist, { lines: [{ drugId: drug.id, quantity: 1 }], paymentMethod: "CASH" }))),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(5);
    expect(results.filter((r) => r === "CONFLICT")).toHaveLength(15);
    expect(await lotState(lot)).toEqual({ quantity: 0, ledger: 0 });
    expect(await db().saleLine.count({ where: { drugId: drug.id } })).toBe(5);
  });

  it("20 concurrent raw ledger writes of the last 5 units, with no application lock: the CHECK lets exactly 5 through", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const drug = await createDrug();
    const lot = await stockLot(drug.id, pharmacist.userId, 5, 90);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        db().$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_sleep(0.01)`;
          await tx.stockMovement.create({ data: { lotId: lot, drugId: drug.id, kind: "SELL", quantity: -1, actorId: pharmacist.userId } });
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(await lotState(lot)).toEqual({ quantity: 0, ledger: 0 });
  });

  it("refuses prescription-only items at the counter and changes nothing", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const otc = await createDrug();
    const rx = await createDrug({ otc: false });
    const otcLot = await stockLot(otc.id, pharmacist.userId, 5, 90);
    await stockLot(rx.id, pharmacist.userId, 5, 90);
    await expect(
      createSale(pharmacist, { lines: [{ drugId: otc.id, quantity: 1 }, { drugId: rx.id, quantity: 1 }], paymentMethod: "CASH" }),
    ).rejects.toThrow(/needs a prescription/);
    expect((await lotState(otcLot)).quantity).toBe(5);
  });

  it("returns put units back into the lots they came from, never more than were sold", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const drug = await createDrug({ priceCents: 200 });
    const a = await stockLot(drug.id, pharmacist.userId, 2, 10);
    const b = await stockLot(drug.id, pharmacist.userId, 5, 100);
    const sale = await createSale(pharmacist, { lines: [{ drugId: drug.id, quantity: 4 }], paymentMethod: "MOBILE" });
    const detail = await getSale(pharmacist, sale.saleId);
    const lineId = detail.lines[0]!.id;

    const refund = await returnSale(pharmacist, { saleId: sale.saleId, lines: [{ saleLineId: lineId, quantity: 3 }], reason: "wrong item" });
    expect(refund).toEqual({ refundCents: 600, units: 3 });
    expect((await lotState(b)).quantity).toBe(5);
    expect((await lotState(a)).quantity).toBe(1);
    expect(await codeOf(returnSale(pharmacist, { saleId: sale.saleId, lines: [{ saleLineId: lineId, quantity: 2 }], reason: "again" }))).toBe("CONFLICT");
    expect((await getSale(pharmacist, sale.saleId)).refundedCents).toBe(600);
  });

  it("only pharmacists sell", async () => {
    const doctor = await createActor("DOCTOR");
    const drug = await createDrug();
    expect(await codeOf(createSale(doctor, { lines: [{ drugId: drug.id, quantity: 1 }], paymentMethod: "CASH" }))).toBe("FORBIDDEN");
    expect(await codeOf(createSale(null, { lines: [{ drugId: drug.id, quantity: 1 }], paymentMethod: "CASH" }))).toBe("UNAUTHENTICATED");
  });
});
