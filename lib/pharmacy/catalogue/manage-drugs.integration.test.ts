import { describe, expect, it } from "vitest";
import { createActor } from "@/test/factories";
import { createDrug, updateDrug } from "./manage-drugs";
import { searchDrugs } from "./search-drugs";

describe("catalogue management", () => {
  it("adds an item with a valid barcode, refuses a bad check digit or a taken barcode, and edits price and reorder settings", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const base = { name: `Quixotin ${Date.now()}`, genericName: "quixotine", form: "CAPSULE", strength: "250 mg", packSize: 14, priceCents: 1299, otc: "on", controlled: false, reorderLevel: 5, reorderQuantity: 20 } as const;
    const barcode = `29${String(Date.now()).slice(-10)}`;
    const withCheck = `${barcode}${(10 - ([...barcode].reduce((a, d, i) => a + Number(d) * (i % 2 ? 3 : 1), 0) % 10)) % 10}`;
    const { drugId } = await createDrug(pharmacist, { ...base, barcode: withCheck });
    await expect(createDrug(pharmacist, { ...base, barcode: `${barcode}${(Number(withCheck[12]) + 1) % 10}` })).rejects.toThrow();
    await expect(createDrug(pharmacist, { ...base, barcode: withCheck })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await searchDrugs(pharmacist, { query: withCheck }))[0]).toMatchObject({ id: drugId, otc: true, priceCents: 1299 });

    await updateDrug(pharmacist, { drugId, priceCents: 1499, barcode: withCheck, description: "new", reorderLevel: 8, reorderQuantity: 30, otc: false, active: "on" });
    expect((await searchDrugs(pharmacist, { query: withCheck }))[0]).toMatchObject({ priceCents: 1499, otc: false });
    await updateDrug(pharmacist, { drugId, priceCents: 1499, barcode: withCheck, description: "", reorderLevel: 8, reorderQuantity: 30, otc: false, active: "" });
    expect(await searchDrugs(pharmacist, { query: withCheck })).toEqual([]);
    await expect(updateDrug(await createActor("DOCTOR"), { drugId, priceCents: 1, reorderLevel: 0, reorderQuantity: 0, otc: false, active: "on" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
