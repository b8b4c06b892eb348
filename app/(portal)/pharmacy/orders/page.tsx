import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, CardBody, CardHeader, EmptyState, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { formatCents } from "@/lib/pharmacy/format";
import { listPurchaseOrders } from "@/lib/pharmacy/procurement/purchase-orders";
import { getReorderSuggestions } from "@/lib/pharmacy/procurement/reorder-suggestions";
import { listSuppliers } from "@/lib/pharmacy/procurement/suppliers";
import { NewOrderForm } from "./new-order-form";
import { SupplierForm } from "./supplier-form";
import { ORDER_STATUS } from "./status";

export const metadata: Metadata = { title: "Orders" };

export default async function Orders() {
  const pharmacist = await requirePermission("area:pharmacy");
  const [orders, suggestions, suppliers] = await Promise.all([listPurchaseOrders(pharmacist), getReorderSuggestions(pharmacist), listSuppliers(pharmacist)]);
  return (
    <>
      <PageHeader title="Orders" description="Purchase orders to suppliers: draft, send, then receive deliveries into stock." />
      <div className="flex flex-col gap-6">
        {orders.length === 0 ? (
          <EmptyState title="No purchase orders yet" description="Start one from the reorder suggestions below." />
        ) : (
          <Table caption="Purchase orders, newest first">
            <THead>
              <TR>
                <TH>Order</TH>
                <TH>Supplier</TH>
                <TH>Created</TH>
                <TH>Status</TH>
                <TH numeric>Received</TH>
                <TH numeric>Value</TH>
              </TR>
            </THead>
            <TBody>
              {orders.map((o) => {
                const ordered = o.lines.reduce((s, l) => s + l.quantityOrdered, 0);
                const received = o.lines.reduce((s, l) => s + l.quantityReceived, 0);
                return (
                  <TR key={o.id}>
                    <TD>
                      <Link href={`/pharmacy/orders/${o.id}`} className="font-medium text-brand-700 underline underline-offset-4">
                        PO-{o.number}
                      </Link>
                    </TD>
                    <TD>{o.supplier.name}</TD>
                    <TD>{o.createdAt.toISOString().slice(0, 10)}</TD>
                    <TD>
                      <Badge tone={ORDER_STATUS[o.status].tone}>{ORDER_STATUS[o.status].label}</Badge>
                    </TD>
                    <TD numeric>
                      {received} / {ordered}
                    </TD>
                    <TD numeric>{formatCents(o.lines.reduce((s, l) => s + l.quantityOrdered * l.unitCostCents, 0))}</TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
        <Card>
          <CardHeader title="Reorder suggestions" description="Items at or below their reorder level, counting what is already on order. Tick what to order and choose a supplier." />
          <CardBody>
            <NewOrderForm suppliers={suppliers.map((s) => ({ id: s.id, name: s.name }))} suggestions={suggestions} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Add a supplier" />
          <CardBody>
            <SupplierForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
