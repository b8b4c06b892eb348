import "server-only";
import { db, isUniqueViolation } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import { drugSchema, updateDrugSchema, type DrugInput, type UpdateDrugInput } from "../schemas";

const barcodeTaken = () => new AppError("CONFLICT", "Another item has this barcode.", { barcode: ["Already on another item."] });

/** Adds an item to the catalogue. */
export async function createDrug(actor: Actor | null, input: DrugInput): Promise<{ drugId: string }> {
  authorize(actor, "drugs:manage");
  const data = drugSchema.parse(input);
  try {
    const drug = await db().drug.create({ data: { ...data, barcode: data.barcode || null, rxnormCode: data.rxnormCode || null }, select: { id: true } });
    return { drugId: drug.id };
  } catch (error) {
    throw isUniqueViolation(error) ? barcodeTaken() : error;
  }
}

/** Changes an item's price, barcode, description, reorder settings or availability. */
export async function updateDrug(actor: Actor | null, input: UpdateDrugInput): Promise<void> {
  authorize(actor, "drugs:manage");
  const { drugId, ...data } = updateDrugSchema.parse(input);
  try {
    const updated = await db().drug.updateMany({ where: { id: drugId }, data: { ...data, barcode: data.barcode || null } });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "There is no such item in the catalogue.");
  } catch (error) {
    throw isUniqueViolation(error) ? barcodeTaken() : error;
  }
}
