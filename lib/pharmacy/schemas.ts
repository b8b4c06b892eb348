import { z } from "zod";

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
