import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { StockMovementKind } from "@/lib/generated/prisma/enums";
import { createActor } from "@/test/factories";
import { appendMovement } from "./ledger";
import { createDrug, lotState, stockLot } from "../test/fixtures";

const SIGN: Record<StockMovementKind, 1 | -1 | 0> = { RECEIVE: 1, RETURN: 1, SELL: -1, DISPENSE: -1, EXPIRE: -1, ADJUST: 0 };

describe("the stock ledger", () => {
  it("property: any sequence of movements keeps each lot equal to its ledger sum and never negative", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const movement = fc.record({
      lot: fc.integer({ min: 0, max: 1 }),
      kind: fc.constantFrom<StockMovementKind>("RECEIVE", "RETURN", "SELL", "DISPENSE", "EXPIRE", "ADJUST"),
      units: fc.integer({ min: 1, max: 12 }),
      up: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(movement, { minLength: 1, maxLength: 25 }), async (steps) => {
        const drug = await createDrug();
        const lots = [await stockLot(drug.id, pharmacist.userId, 5, 60), await stockLot(drug.id, pharmacist.userId, 1, 120)];
        const model = [5, 1];
        for (const step of steps) {
          const sign = SIGN[step.kind] || (step.up ? 1 : -1);
          const delta = sign * step.units;
          let accepted = true;
          try {
            await db().$transaction((tx) =>
              appendMovement(tx, { lotId: lots[step.lot]!, drugId: drug.id, kind: step.kind, quantity: delta, actorId: pharmacist.userId, reason: "property test" }),
            );
          } catch {
            accepted = false;
          }
          // The database accepts a movement exactly when the lot stays at zero or above.
          expect(accepted).toBe(model[step.lot]! + delta >= 0);
          if (accepted) model[step.lot]! += delta;
        }
        for (const [i, lotId] of lots.entries()) {
          const state = await lotState(lotId);
          expect(state.quantity).toBe(state.ledger);
          expect(state.quantity).toBe(model[i]);
          expect(state.quantity).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("a lot's quantity cannot be written directly, and the ledger cannot be edited or deleted", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const drug = await createDrug();
    const lot = await stockLot(drug.id, pharmacist.userId, 5, 60);
    await expect(db().$executeRaw`UPDATE "StockLot" SET "quantity" = 500 WHERE "id" = ${lot}::uuid`).rejects.toThrow(/only through the ledger/);
    await expect(db().$executeRaw`UPDATE "StockMovement" SET "quantity" = 500 WHERE "lotId" = ${lot}::uuid`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM "StockMovement" WHERE "lotId" = ${lot}::uuid`).rejects.toThrow(/append-only/);
    await expect(
      db().stockLot.create({ data: { drugId: drug.id, lotNumber: "FULL", expiresOn: new Date("2030-01-01"), unitCostCents: 1, quantity: 10 } }),
    ).rejects.toThrow();
    expect(await lotState(lot)).toEqual({ quantity: 5, ledger: 5 });
  });

  it("an adjustment needs a reason, and each kind has its sign", async () => {
    const pharmacist = await createActor("PHARMACIST");
    const drug = await createDrug();
    const lot = await stockLot(drug.id, pharmacist.userId, 5, 60);
    const write = (kind: StockMovementKind, quantity: number, reason: string | null) =>
      db().stockMovement.create({ data: { lotId: lot, drugId: drug.id, kind, quantity, reason, actorId: pharmacist.userId } });
    await expect(write("ADJUST", -1, null)).rejects.toThrow();
    await expect(write("ADJUST", -1, "  ")).rejects.toThrow();
    await expect(write("SELL", 2, null)).rejects.toThrow();
    await expect(write("RECEIVE", -2, null)).rejects.toThrow();
    await write("ADJUST", -1, "broken pack");
    expect(await lotState(lot)).toEqual({ quantity: 4, ledger: 4 });
  });
});
