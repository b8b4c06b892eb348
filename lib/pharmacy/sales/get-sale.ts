import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";

/** A sale as its receipt shows it: items, lots taken, payment, returns. */
export async function getSale(actor: Actor | null, saleId: string) {
  authorize(actor, "sales:sell");
  const sale = await db().sale.findUnique({
    where: { id: saleId },
    include: {
      lines: {
        orderBy: { drug: { name: "asc" } },
        include: {
          drug: { select: { name: true, strength: true, form: true, barcode: true } },
          movements: { orderBy: { seq: "asc" }, select: { kind: true, quantity: true, lot: { select: { lotNumber: true, expiresOn: true } } } },
        },
      },
    },
  });
  if (!sale) throw new AppError("NOT_FOUND", "There is no such sale.");
  const seller = await db().user.findUnique({ where: { id: sale.soldById }, select: { name: true } });
  const refundedCents = sale.lines.reduce((sum, l) => sum + l.returnedQuantity * l.unitPriceCents, 0);
  return { ...sale, soldByName: seller?.name ?? "—", refundedCents };
}

export type SaleDetail = Awaited<ReturnType<typeof getSale>>;

/** The most recent sales, newest first. */
export async function listRecentSales(actor: Actor | null, take = 20) {
  authorize(actor, "sales:sell");
  return db().sale.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, number: true, createdAt: true, totalCents: true, paymentMethod: true, _count: { select: { lines: true } } },
  });
}
