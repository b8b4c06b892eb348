import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { clinicToday } from "@/lib/scheduling/availability";
import { wallClockAt } from "@/lib/scheduling/time-zone";
import { createActor } from "@/test/factories";
import { getStockAlerts } from "./get-stock-alerts";
import { adjustStock, expireLots } from "../inventory/adjust-stock";
import { getPharmacyReport } from "../reports/get-pharmacy-report";
import { createSale } from "../sales/create-sale";
import { receiveIntoLot } from "../inventory/ledger";
import { createDrug, lotState, stockLot } from "../test/fixtures";

describe("alerts, adjustments, write-offs and reports", () => {
  it("raises low stock, expiring within the chosen window, and expired; writing off clears the expired lot", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const drug = await createDrug({ reorderLevel: 20 });
    const soon = await stockLot(drug.id, pharmacist.userId, 5, 10);
    const later = await stockLot(drug.id, pharmacist.userId, 5, 45);
    const expired = await stockLot(drug.id, pharmacist.userId, 3, -5);

    const alerts = await getStockAlerts(pharmacist, { expiringWithinDays: 30 });
    expect(alerts.lowStock.find((a) => a.drugId === drug.id)).toMatchObject({ onHand: 10, reorderLevel: 20 });
    expect(alerts.expiringSoon.filter((a) => a.drugId === drug.id).map((a) => [a.lotId, a.daysLeft])).toEqual([[soon, 10]]);
    expect(alerts.expired.filter((a) => a.drugId === drug.id).map((a) => [a.lotId, a.daysLeft])).toEqual([[expired, -5]]);
    const wider = await getStockAlerts(pharmacist, { expiringWithinDays: 60 });
    expect(wider.expiringSoon.filter((a) => a.drugId === drug.id).map((a) => a.lotId)).toEqual([soon, later]);

    expect(await expireLots(pharmacist, { lotId: expired })).toEqual({ lots: 1, units: 3 });
    expect(await lotState(expired)).toEqual({ quantity: 0, ledger: 0 });
    await expect(expireLots(pharmacist, { lotId: soon })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getStockAlerts(pharmacist, {})).expired.some((a) => a.drugId === drug.id)).toBe(false);
  });

  it("adjusts with a reason and never below zero", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const drug = await createDrug();
    const lot = await stockLot(drug.id, pharmacist.userId, 4, 100);
    expect(await adjustStock(pharmacist, { lotId: lot, quantity: -1, reason: "damaged pack" })).toEqual({ quantity: 3 });
    await expect(adjustStock(pharmacist, { lotId: lot, quantity: -4, reason: "recount" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(adjustStock(pharmacist, { lotId: lot, quantity: 2, reason: "" })).rejects.toThrow();
    await expect(adjustStock(await createActor("ADMIN"), { lotId: lot, quantity: 1, reason: "recount" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await lotState(lot)).toEqual({ quantity: 3, ledger: 3 });
  });

  it("reports today's sales, the stock value and slow movers", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const admin = await createActor("ADMIN");
    const sold = await createDrug({ priceCents: 1000 });
    const idle = await createDrug();
    await stockLot(sold.id, pharmacist.userId, 10, 100);
    await stockLot(idle.id, pharmacist.userId, 10, 100);
    const before = await getPharmacyReport(admin, { days: 7 });
    await createSale(pharmacist, { lines: [{ drugId: sold.id, quantity: 2 }], paymentMethod: "CASH" });
    const after = await getPharmacyReport(admin, { days: 7 });
    expect(after.perDay).toHaveLength(7);
    const today = after.perDay.at(-1)!;
    const todayBefore = before.perDay.at(-1)!;
    expect(today.day).toBe(clinicToday());
    expect(today.sales - todayBefore.sales).toBe(1);
    expect(today.salesCents - todayBefore.salesCents).toBe(2000);
    expect(today.unitsSold - todayBefore.unitsSold).toBe(2);
    expect(before.stockValue.units - after.stockValue.units).toBe(2);
    expect(after.slowMovers.some((s) => s.drugId === idle.id) || after.slowMovers.length === 15).toBe(true);
    expect(after.slowMovers.some((s) => s.drugId === sold.id)).toBe(false);
    await expect(getPharmacyReport(await createActor("DOCTOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("counts days in the clinic's time zone: today, expiry and the refusal to sell an expired lot follow it", async () => {
    const [today] = await db().$queryRaw<{ day: string }[]>`SELECT clinic_today()::text AS "day"`;
    expect(today!.day).toBe(clinicToday());
    // Two zones 25 hours apart never share a date: Kiritimati (UTC+14) is always a day ahead of Pago Pago (UTC-11).
    const ahead = "Pacific/Kiritimati";
    const behind = "Pacific/Pago_Pago";
    const pharmacist = await createActor("PHARMACIST");
    const drug = await createDrug();
    const behindToday = wallClockAt(new Date(), behind).date;
    const lotId = await db().$transaction((tx) =>
      receiveIntoLot(tx, { drugId: drug.id, lotNumber: `TZ-${drug.id.slice(0, 6)}`, expiresOn: new Date(`${behindToday}T00:00:00Z`), unitCostCents: 100, location: "A1", quantity: 5, actorId: pharmacist.userId }),
    );
    const sellOneIn = (zone: string) =>
      db().$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL carechain.clinic_time_zone = '${zone}'`);
        const [row] = await tx.$queryRaw<{ day: string }[]>`SELECT clinic_today()::text AS "day"`;
        expect(row!.day).toBe(wallClockAt(new Date(), zone).date);
        await tx.stockMovement.create({ data: { lotId, drugId: drug.id, kind: "SELL", quantity: -1, actorId: pharmacist.userId } });
      });
    // The lot's last day is today in Pago Pago, so it sells there; in Kiritimati that day is past and it is expired.
    await sellOneIn(behind);
    await expect(sellOneIn(ahead)).rejects.toThrow(/lot expired on/);
    expect(await lotState(lotId)).toEqual({ quantity: 4, ledger: 4 });
  });
});
