import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge, Card, CardBody, CardHeader, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatCents, formatDay } from "@/lib/pharmacy/format";
import { getPurchaseOrder } from "@/lib/pharmacy/procurement/purchase-orders";
import { ORDER_STATUS } from "../status";
import { AddLineForm } from "./add-line-form";
import { OrderButton } from "./order-button";
import { ReceiveForm } from "./receive-form";

export const metadata: Metadata = { title: "Purchase order" };

export default async function PurchaseOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const pharmacist = await requirePermission("area:pharmacy");
  const order = await getPurchaseOrder(pharmacist, (await params).orderId).catch((e: unknown) =>
    isAppError(e) && e.code === "NOT_FOUND" ? notFound() : Promise.reject(e),
  );
  const draft = order.status === "DRAFT";
  const receivable = order.status === "SENT" || order.status === "PARTIALLY_RECEIVED";
  const status = ORDER_STATUS[order.status];
  return (
    <>
      <PageHeader
        title={`PO-${order.number}`}
        description={
          <>
            {order.supplier.name} · <Badge tone={status.tone}>{status.label}</Badge>
            {order.sentAt && ` · sent ${formatDay(order.sentAt)}`}
            {order.notes && ` · ${order.notes}`}
          </>
        }
        breadcrumbs={[{ label: "Orders", href: "/pharmacy/orders" }, { label: `PO-${order.number}` }]}
        actions={
          <div className="flex gap-2">
            {draft && <OrderButton purchaseOrderId={order.id} kind="send" />}
            {(draft || (order.status === "SENT" && order.lines.every((l) => l.quantityReceived === 0))) && <OrderButton purchaseOrderId={order.id} kind="cancel" />}
          </div>
        }
      />
      <div className="flex flex-col gap-6">
        {receivable ? (
          <Card>
            <CardHeader title="Receive a delivery" description="Enter what arrived on each line, with the lot number and expiry printed on the packs." />
            <CardBody>
              <ReceiveForm
                purchaseOrderId={order.id}
                lines={order.lines.map((l) => ({ id: l.id, name: l.drug.name, strength: l.drug.strength, left: l.quantityOrdered - l.quantityReceived }))}
              />
            </CardBody>
          </Card>
        ) : (
          <Table caption="Lines">
            <THead>
              <TR>
                <TH>Item</TH>
                <TH numeric>Ordered</TH>
                <TH numeric>Received</TH>
                <TH numeric>Unit cost</TH>
                <TH numeric>Value</TH>
                {draft && <TH><span className="sr-only">Actions</span></TH>}
              </TR>
            </THead>
            <TBody>
              {order.lines.map((l) => (
                <TR key={l.id}>
                  <TD>
                    {l.drug.name} <span className="text-muted">{l.drug.strength}</span>
                  </TD>
                  <TD numeric>{l.quantityOrdered}</TD>
                  <TD numeric>{l.quantityReceived}</TD>
                  <TD numeric>{formatCents(l.unitCostCents)}</TD>
                  <TD numeric>{formatCents(l.quantityOrdered * l.unitCostCents)}</TD>
                  {draft && (
                    <TD>
                      <OrderButton purchaseOrderId={order.id} kind="remove" lineId={l.id} label={`Remove ${l.drug.name}`} />
                    </TD>
                  )}
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        {draft && (
          <Card>
            <CardHeader title="Add a line" />
            <CardBody>
              <AddLineForm purchaseOrderId={order.id} />
            </CardBody>
          </Card>
        )}
        {order.lines.some((l) => l.movements.length) && (
          <Table caption="Received so far">
            <THead>
              <TR>
                <TH>When</TH>
                <TH>Item</TH>
                <TH>Lot</TH>
                <TH>Expires</TH>
                <TH numeric>Units</TH>
              </TR>
            </THead>
            <TBody>
              {order.lines.flatMap((l) =>
                l.movements.map((m, i) => (
                  <TR key={`${l.id}-${i}`}>
                    <TD>{m.at.toISOString().slice(0, 16).replace("T", " ")}</TD>
                    <TD>{l.drug.name}</TD>
                    <TD className="font-mono">{m.lot.lotNumber}</TD>
                    <TD>{formatDay(m.lot.expiresOn)}</TD>
                    <TD numeric>{m.quantity}</TD>
                  </TR>
                )),
              )}
            </TBody>
          </Table>
        )}
      </div>
    </>
  );
}
