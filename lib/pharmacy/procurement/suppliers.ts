import "server-only";
import { db, isUniqueViolation } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import { createSupplierSchema, type CreateSupplierInput } from "../schemas";

export async function createSupplier(actor: Actor | null, input: CreateSupplierInput): Promise<{ supplierId: string }> {
  authorize(actor, "procurement:manage");
  const data = createSupplierSchema.parse(input);
  try {
    const supplier = await db().supplier.create({ data, select: { id: true } });
    return { supplierId: supplier.id };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "A supplier with this name exists already.", { name: ["Already a supplier."] });
    throw error;
  }
}

export async function listSuppliers(actor: Actor | null) {
  authorize(actor, "procurement:manage");
  return db().supplier.findMany({ orderBy: { name: "asc" } });
}
