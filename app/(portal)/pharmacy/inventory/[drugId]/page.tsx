import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { Badge, Card, CardBody, CardHeader, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { FORM_LABELS, MOVEMENT_LABELS, formatCents, formatDay } from "@/lib/pharmacy/format";
import { getDrugStock } from "@/lib/pharmacy/inventory/list-stock";
import { AdjustForm } from "./adjust-form";
import { DrugForm } from "./drug-form";
import { WriteOffButton } from "../../write-off-button";

export const metadata: Metadata = { title: "Item stock" };

export default async function DrugStock({ params }: { params: Promise<{ drugId: string }> }) {
  const pharmacist = await requirePermission("area:pharmacy");
  const drug = await getDrugStock(pharmacist, (await params).drugId).catch((e: unknown) => (isAppError(e) && e.code === "NOT_FOUND" ? notFound() : Promise.reject(e)));
  const today = new Date(new Date().toISOString().slice(0, 10));
  const live = drug.lots.filter((l) => l.quantity > 0);
  const onHand = live.filter((l) => l.expiresOn >= today).reduce((s, l) => s + l.quantity, 0);
  return (
    <>
      <PageHeader
        title={`${drug.name}`}
        description={`${drug.genericName} · ${drug.strength} · ${FORM_LABELS[drug.form]} · pack of ${drug.packSize} · ${formatCents(drug.priceCents)}${drug.rxnormCode ? ` · RxNorm ${drug.rxnormCode}` : ""}`}
        breadcrumbs={[{ label: "Inventory", href: "/pharmacy/inventory" }, { label: drug.name }]}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Table caption={`Lots: ${onHand} sellable unit${onHand === 1 ? "" : "s"} (reorder at ${drug.reorderLevel})`}>
            <THead>
              <TR>
                <TH>Lot</TH>
                <TH>Expires</TH>
                <TH>Location</TH>
                <TH numeric>Unit cost</TH>
                <TH numeric>Quantity</TH>
                <TH><span className="sr-only">Actions</span></TH>
              </TR>
            </THead>
            <TBody>
              {drug.lots.map((l) => (
                <TR key={l.id}>
                  <TD className="font-mono">{l.lotNumber}</TD>
                  <TD>
                    {formatDay(l.expiresOn)} {l.expiresOn < today && l.quantity > 0 && <Badge tone="danger">Expired</Badge>}
                  </TD>
                  <TD>{l.location || "—"}</TD>
                  <TD numeric>{formatCents(l.unitCostCents)}</TD>
                  <TD numeric>{l.quantity}</TD>
                  <TD>{l.expiresOn < today && l.quantity > 0 && <WriteOffButton lotId={l.id} label={`Write off lot ${l.lotNumber}`} />}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <Table caption="Ledger: latest 30 movements">
            <THead>
              <TR>
                <TH>When</TH>
                <TH>Movement</TH>
                <TH>Lot</TH>
                <TH numeric>Units</TH>
                <TH>Reason</TH>
              </TR>
            </THead>
            <TBody>
              {drug.movements.map((m) => (
                <TR key={m.id}>
                  <TD>{m.at.toISOString().slice(0, 16).replace("T", " ")}</TD>
                  <TD>{MOVEMENT_LABELS[m.kind]}</TD>
                  <TD className="font-mono">{m.lot.lotNumber}</TD>
                  <TD numeric>{m.quantity > 0 ? `+${m.quantity}` : m.quantity}</TD>
                  <TD>{m.reason ?? ""}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
        <div className="flex h-fit flex-col gap-6">
        <Card>
          <CardHeader title="Adjust stock" description="A counted correction, with its reason. Use a negative number to remove units." />
          <CardBody>
            {live.length || drug.lots.length ? (
              <AdjustForm lots={drug.lots.map((l) => ({ id: l.id, label: `${l.lotNumber} (exp ${formatDay(l.expiresOn)}, ${l.quantity} left)` }))} />
            ) : (
              <p className="text-muted">No lots yet: receive stock through a purchase order.</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Item details" />
          <CardBody>
            <DrugForm drug={{ id: drug.id, priceCents: drug.priceCents, barcode: drug.barcode, description: drug.description, reorderLevel: drug.reorderLevel, reorderQuantity: drug.reorderQuantity, otc: drug.otc, active: drug.active }} />
          </CardBody>
        </Card>
        </div>
      </div>
    </>
  );
}
