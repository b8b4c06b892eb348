import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Button, EmptyState, FormField, Input, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { getStockAlerts, type LotAlert } from "@/lib/pharmacy/alerts/get-stock-alerts";
import { formatDay } from "@/lib/pharmacy/format";
import { WriteOffButton } from "../write-off-button";

export const metadata: Metadata = { title: "Alerts" };

function LotTable({ caption, lots, expired }: { caption: string; lots: LotAlert[]; expired?: boolean }) {
  return (
    <Table caption={caption}>
      <THead>
        <TR>
          <TH>Item</TH>
          <TH>Lot</TH>
          <TH>Shelf</TH>
          <TH>Expires</TH>
          <TH numeric>Units</TH>
          {expired && <TH><span className="sr-only">Actions</span></TH>}
        </TR>
      </THead>
      <TBody>
        {lots.map((l) => (
          <TR key={l.lotId}>
            <TD>
              <Link href={`/pharmacy/inventory/${l.drugId}`} className="text-brand-700 underline underline-offset-4">{l.name}</Link>{" "}
              <span className="text-muted">{l.strength}</span>
            </TD>
            <TD className="font-mono">{l.lotNumber}</TD>
            <TD>{l.location || "—"}</TD>
            <TD>
              {formatDay(l.expiresOn)}{" "}
              <Badge tone={l.daysLeft < 0 ? "danger" : l.daysLeft <= 30 ? "warning" : "neutral"}>
                {l.daysLeft < 0 ? `${-l.daysLeft} days ago` : l.daysLeft === 0 ? "today" : `in ${l.daysLeft} days`}
              </Badge>
            </TD>
            <TD numeric>{l.quantity}</TD>
            {expired && (
              <TD>
                <WriteOffButton lotId={l.lotId} label={`Write off lot ${l.lotNumber}`} />
              </TD>
            )}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

export default async function Alerts({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  const pharmacist = await requirePermission("area:pharmacy");
  const days = Number.parseInt((await searchParams).days ?? "", 10);
  const alerts = await getStockAlerts(pharmacist, Number.isFinite(days) && days > 0 && days <= 730 ? { expiringWithinDays: days } : {});
  return (
    <>
      <PageHeader title="Alerts" description="Low stock, lots expiring soon, and expired lots still on the shelf." />
      <form className="mb-6 flex flex-wrap items-end gap-3" action="/pharmacy/alerts">
        <FormField label="Warn about lots expiring within (days)" size="lg">
          <Input name="days" type="number" min={1} max={730} defaultValue={alerts.expiringWithinDays} className="w-40" />
        </FormField>
        <Button type="submit" size="lg" variant="secondary">Show</Button>
      </form>
      <div className="flex flex-col gap-6">
        {alerts.expired.length > 0 ? (
          <>
            <LotTable caption={`Expired: ${alerts.expired.length} lot${alerts.expired.length === 1 ? "" : "s"} cannot be sold or dispensed`} lots={alerts.expired} expired />
            <WriteOffButton label="Write off every expired lot" />
          </>
        ) : (
          <EmptyState title="No expired stock" description="Nothing on the shelf is past its expiry." headingLevel={2} />
        )}
        {alerts.expiringSoon.length > 0 ? (
          <LotTable caption={`Expiring within ${alerts.expiringWithinDays} days: ${alerts.expiringSoon.length} lot${alerts.expiringSoon.length === 1 ? "" : "s"}`} lots={alerts.expiringSoon} />
        ) : (
          <EmptyState title={`Nothing expires within ${alerts.expiringWithinDays} days`} headingLevel={2} />
        )}
        {alerts.lowStock.length > 0 ? (
          <Table caption={`Low stock: ${alerts.lowStock.length} item${alerts.lowStock.length === 1 ? "" : "s"} at or below the reorder level`}>
            <THead>
              <TR>
                <TH>Item</TH>
                <TH numeric>On hand</TH>
                <TH numeric>Reorder level</TH>
              </TR>
            </THead>
            <TBody>
              {alerts.lowStock.map((a) => (
                <TR key={a.drugId}>
                  <TD>
                    <Link href={`/pharmacy/inventory/${a.drugId}`} className="text-brand-700 underline underline-offset-4">{a.name}</Link>{" "}
                    <span className="text-muted">{a.strength}</span> {a.onHand === 0 && <Badge tone="danger">Out of stock</Badge>}
                  </TD>
                  <TD numeric>{a.onHand}</TD>
                  <TD numeric>{a.reorderLevel}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        ) : (
          <EmptyState title="Stock levels are fine" headingLevel={2} />
        )}
        <p>
          <Link href="/pharmacy/orders" className="text-brand-700 underline underline-offset-4">Order low items from the reorder suggestions</Link>
        </p>
      </div>
    </>
  );
}
