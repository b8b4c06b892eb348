import { z } from "zod";
import { isValidEan13 } from "./barcode";

const uuid = (what: string) => z.uuid({ error: `Unknown ${what}.` });
const count = (what: string) =>
  z.coerce.number({ error: `Enter the ${what}.` }).int({ error: `The ${what} is a whole number.` }).positive({ error: `The ${what} must be at least 1.` }).max(100_000);
const day = z.iso.date({ error: "Enter a date (YYYY-MM-DD)." });

export const searchDrugsSchema = z.object({
  query: z.string().trim().max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  /** Only items that may be sold at the counter without a prescription. */
  otcOnly: z.boolean().optional(),
});
export type SearchDrugsInput = z.input<typeof searchDrugsSchema>;

export const drugIdsSchema = z.array(uuid("drug")).max(200);

export const paymentMethodSchema = z.enum(["CASH", "CARD", "MOBILE"], { error: "Choose how the customer pays." });

export const createSaleSchema = z.object({
  lines: z
    .array(z.object({ drugId: uuid("item"), quantity: count("quantity") }))
    .min(1, { error: "The cart is empty: scan an item first." })
    .max(100),
  paymentMethod: paymentMethodSchema,
});
export type CreateSaleInput = z.input<typeof createSaleSchema>;

export const returnSaleSchema = z.object({
  saleId: uuid("sale"),
  lines: z.array(z.object({ saleLineId: uuid("sale line"), quantity: z.coerce.number().int().min(0).max(100_000) })).min(1),
  reason: z.string({ error: "Say why the items come back." }).trim().min(3, { error: "Say why the items come back." }).max(200),
});
export type ReturnSaleInput = z.input<typeof returnSaleSchema>;

export const adjustStockSchema = z.object({
  lotId: uuid("lot"),
  quantity: z.coerce
    .number({ error: "Enter the change, e.g. -2 or 5." })
    .int({ error: "The change is a whole number." })
    .refine((n) => n !== 0, { error: "The change cannot be zero." }),
  reason: z.string({ error: "Say why the stock changes." }).trim().min(3, { error: "Say why the stock changes." }).max(200),
});
export type AdjustStockInput = z.input<typeof adjustStockSchema>;

export const expireLotsSchema = z.object({ lotId: uuid("lot").optional() });

export const createSupplierSchema = z.object({
  name: z.string({ error: "Enter the supplier's name." }).trim().min(2, { error: "Enter the supplier's name." }).max(120),
  email: z.union([z.literal(""), z.email({ error: "Enter a valid email address." })]).default(""),
  phone: z.string().trim().max(40).default(""),
  leadTimeDays: z.coerce.number().int().min(0).max(120).default(3),
});
export type CreateSupplierInput = z.input<typeof createSupplierSchema>;

const orderLineSchema = z.object({
  drugId: uuid("drug"),
  quantity: count("quantity"),
  unitCostCents: z.coerce.number({ error: "Enter the unit cost." }).int().min(0, { error: "The cost cannot be negative." }).max(100_000_000),
});

export const createPurchaseOrderSchema = z.object({
  supplierId: uuid("supplier"),
  lines: z.array(orderLineSchema).max(200).default([]),
  notes: z.string().trim().max(500).default(""),
});
export type CreatePurchaseOrderInput = z.input<typeof createPurchaseOrderSchema>;

export const addOrderLineSchema = orderLineSchema.extend({ purchaseOrderId: uuid("order") });
export type AddOrderLineInput = z.input<typeof addOrderLineSchema>;

export const removeOrderLineSchema = z.object({ purchaseOrderId: uuid("order"), lineId: uuid("order line") });
export const purchaseOrderIdSchema = z.object({ purchaseOrderId: uuid("order") });

export const receiveLineSchema = z.object({
  lineId: uuid("order line"),
  quantity: z.coerce.number().int().min(0).max(100_000),
  lotNumber: z.string().trim().max(40).default(""),
  expiresOn: z.union([z.literal(""), day]).default(""),
  location: z.string().trim().max(60).default(""),
});
export const receivePurchaseOrderSchema = z.object({
  purchaseOrderId: uuid("order"),
  lines: z.array(receiveLineSchema).min(1).max(200),
});
export type ReceivePurchaseOrderInput = z.input<typeof receivePurchaseOrderSchema>;

export const alertsSchema = z.object({ expiringWithinDays: z.coerce.number().int().min(1).max(730).default(60) });
export const reportSchema = z.object({
  days: z.coerce.number().int().min(1).max(366).default(30),
  slowMoverDays: z.coerce.number().int().min(7).max(366).default(60),
});

const barcodeField = z
  .string()
  .trim()
  .refine((code) => code === "" || (/^\d{8,14}$/.test(code) && (code.length !== 13 || isValidEan13(code))), {
    error: "Enter the barcode's digits (an EAN-13 needs a valid check digit).",
  })
  .default("");
const cents = (what: string) => z.coerce.number({ error: `Enter the ${what} in cents.` }).int({ error: "Whole cents." }).min(0, { error: "Cannot be negative." }).max(100_000_000);
/** A checkbox: "on" when ticked, absent when not. */
const flag = z.unknown().optional().transform((v) => v === true || v === "on" || v === "true");
const level = z.coerce.number({ error: "Enter a whole number." }).int({ error: "Enter a whole number." }).min(0).max(100_000);

export const updateDrugSchema = z.object({
  drugId: uuid("item"),
  priceCents: cents("price"),
  barcode: barcodeField,
  description: z.string().trim().max(1000).default(""),
  reorderLevel: level,
  reorderQuantity: level,
  otc: flag,
  /** Absent means unchanged-and-listed; the form sends "" when the box is cleared. */
  active: z.unknown().optional().transform((v) => v === undefined || v === true || v === "on" || v === "true"),
});
export type UpdateDrugInput = z.input<typeof updateDrugSchema>;

export const drugSchema = z.object({
  name: z.string({ error: "Enter the name on the pack." }).trim().min(2, { error: "Enter the name on the pack." }).max(200),
  genericName: z.string({ error: "Enter the generic name." }).trim().min(2, { error: "Enter the generic name." }).max(200),
  form: z.enum(["TABLET", "CAPSULE", "SOLUTION", "SUSPENSION", "INJECTION", "INHALER", "CREAM", "PATCH", "SPRAY", "DEVICE", "OTHER"], { error: "Choose the form." }),
  strength: z.string({ error: "Enter the strength." }).trim().min(1, { error: "Enter the strength." }).max(100),
  packSize: z.coerce.number({ error: "Enter the pack size." }).int().min(1, { error: "At least 1." }).max(10_000),
  priceCents: cents("price"),
  barcode: barcodeField,
  description: z.string().trim().max(1000).default(""),
  controlled: flag,
  otc: flag,
  rxnormCode: z.string().trim().regex(/^\d{0,10}$/, { error: "An RxNorm code is digits." }).default(""),
  reorderLevel: level.default(0),
  reorderQuantity: level.default(0),
});
export type DrugInput = z.input<typeof drugSchema>;
