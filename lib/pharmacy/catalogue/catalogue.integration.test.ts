import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createActor } from "@/test/factories";
import { getDrugStockAndPrice } from "./get-drug-stock-and-price";
import { searchDrugs } from "./search-drugs";
import { createDrug, daysFromNow, stockLot } from "../test/fixtures";

describe("drug catalogue", () => {
  it("finds drugs by words of the name, generic name and strength, by barcode, with sellable stock", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const drug = await createDrug({ name: "Zyrqalin Cold & Flu" });
    await stockLot(drug.id, pharmacist.userId, 7, 30);
    await stockLot(drug.id, pharmacist.userId, 4, -2);

    const byWords = await searchDrugs(pharmacist, { query: "zyrq 200", limit: 5 });
    expect(byWords.map((d) => d.id)).toEqual([drug.id]);
    expect(byWords[0]).toMatchObject({ name: "Zyrqalin Cold & Flu", onHand: 7, priceCents: 499, form: "TABLET" });
    expect((await searchDrugs(pharmacist, { query: drug.genericName.toUpperCase() })).map((d) => d.id)).toEqual([drug.id]);
    expect((await searchDrugs(pharmacist, { query: drug.barcode! })).map((d) => d.id)).toEqual([drug.id]);
    expect(await searchDrugs(pharmacist, { query: "zyrq%_\\" })).toEqual([]);
    expect(await searchDrugs(pharmacist, { query: "   " })).toEqual([]);
  });

  it("gives stock on hand, next expiry and price for the prescribing screen", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const doctor = await createActor("DOCTOR");
    const stocked = await createDrug({ priceCents: 1234 });
    const empty = await createDrug({ priceCents: 99 });
    await stockLot(stocked.id, pharmacist.userId, 3, 40);
    await stockLot(stocked.id, pharmacist.userId, 2, 10);
    const rows = await getDrugStockAndPrice(doctor, [stocked.id, empty.id]);
    const byId = new Map(rows.map((r) => [r.drugId, r]));
    expect(byId.get(stocked.id)).toEqual({ drugId: stocked.id, priceCents: 1234, onHand: 5, nextExpiry: daysFromNow(10) });
    expect(byId.get(empty.id)).toEqual({ drugId: empty.id, priceCents: 99, onHand: 0, nextExpiry: null });
  });

  it("is open to doctors, pharmacists and admins only", async () => {
    const outcome = async (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : "other"));
    for (const role of ["DOCTOR", "PHARMACIST", "ADMIN"] as const) {
      expect(await outcome(searchDrugs(await createActor(role), { query: "a" }))).toBe("ok");
    }
    expect(await outcome(searchDrugs(await createActor("PATIENT"), { query: "a" }))).toBe("FORBIDDEN");
    expect(await outcome(getDrugStockAndPrice(null, []))).toBe("UNAUTHENTICATED");
  });
});
