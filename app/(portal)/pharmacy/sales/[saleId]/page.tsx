import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { PAYMENT_LABELS, formatCents, formatDay } from "@/lib/pharmacy/format";
import { getSale } from "@/lib/pharmacy/sales/get-sale";
import { PrintButton, PrintOnlyMarked } from "../../print-button";
import { ReturnForm } from "./return-form";

export const metadata: Metadata = { title: "Receipt" };

export default async function SaleReceipt({ params }: { params: Promise<{ saleId: string }> }) {
  const pharmacist = await requirePermission("area:pharmacy");
  const { saleId } = await params;
  if (!z.uuid().safeParse(saleId).success) notFound();
  const sale = await getSale(pharmacist, saleId);
  const returnable = sale.lines.filter((l) => l.quantity > l.returnedQuantity);
  return (
    <>
      <PageHeader
        title={`Receipt: sale ${sale.number}`}
        breadcrumbs={[{ label: "Counter", href: "/pharmacy" }, { label: `Sale ${sale.number}` }]}
        actions={<PrintButton autoFocus />}
        className="print:hidden"
      />
      <PrintOnlyMarked />
      <div id="print-area" className="grid gap-6 lg:grid-cols-3">
        <section data-print aria-label="Receipt" className="mx-auto w-full max-w-md rounded-xl border border-line bg-surface p-6 font-mono text-sm lg:col-span-2 print:border-0 print:p-0">
          <p className="text-center text-base font-bold">CareChain Health Pharmacy</p>
          <p className="text-center">Sale {sale.number} · {sale.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</p>
          <p className="mb-4 text-center">Served by {sale.soldByName}</p>
          <table className="w-full">
            <caption className="sr-only">Items sold</caption>
            <thead>
              <tr className="border-b border-dashed border-line-strong">
                <th scope="col" className="py-1 text-left">Item</th>
                <th scope="col" className="py-1 text-right">Qty</th>
                <th scope="col" className="py-1 text-right">Amount</th>
              </tr>
            </thead>
            <tbody>
              {sale.lines.map((l) => (
                <tr key={l.id} className="align-top">
                  <td className="py-1">
                    {l.drug.name} {l.drug.strength}
                    <br />
                    <span className="text-muted">
                      {formatCents(l.unitPriceCents)} each · lot {l.movements.filter((m) => m.kind === "SELL").map((m) => `${m.lot.lotNumber} (exp ${formatDay(m.lot.expiresOn)})`).join(", ")}
                    </span>
                    {l.returnedQuantity > 0 && <span className="block text-danger">Returned: {l.returnedQuantity}</span>}
                  </td>
                  <td className="py-1 text-right">{l.quantity}</td>
                  <td className="py-1 text-right">{formatCents(l.quantity * l.unitPriceCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-3 flex justify-between border-t border-dashed border-line-strong pt-2 text-base font-bold">
            <span>Total</span>
            <span>{formatCents(sale.totalCents)}</span>
          </p>
          {sale.refundedCents > 0 && (
            <p className="flex justify-between text-danger">
              <span>Refunded</span>
              <span>−{formatCents(sale.refundedCents)}</span>
            </p>
          )}
          <p className="flex justify-between">
            <span>Paid by</span>
            <span>{PAYMENT_LABELS[sale.paymentMethod]}</span>
          </p>
          <p className="mt-4 text-center">Thank you. Keep this receipt for returns.</p>
        </section>
        <Card className="h-fit print:hidden">
          <CardHeader title="Return items" description="Units go back into the lots they came from; the refund is paid the same way." />
          <CardBody>
            {returnable.length ? (
              <ReturnForm saleId={sale.id} lines={returnable.map((l) => ({ id: l.id, label: `${l.drug.name} ${l.drug.strength}`, left: l.quantity - l.returnedQuantity }))} />
            ) : (
              <p className="text-muted">Everything on this receipt has been returned.</p>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
