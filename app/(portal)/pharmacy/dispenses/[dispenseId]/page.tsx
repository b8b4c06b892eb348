import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink, PageHeader, StatusBadge } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getDispense } from "@/lib/pharmacy/dispensing/get-dispense";
import { formatCents, formatDay } from "@/lib/pharmacy/format";
import { PrintButton, PrintOnlyMarked } from "../../print-button";

export const metadata: Metadata = { title: "Dispensed" };

export default async function Dispensed({ params }: { params: Promise<{ dispenseId: string }> }) {
  const pharmacist = await requirePermission("area:pharmacy");
  const d = await getDispense(pharmacist, (await params).dispenseId).catch((e: unknown) => (isAppError(e) && e.code === "NOT_FOUND" ? notFound() : Promise.reject(e)));
  const chainStatus = d.chain ? (d.chain.status === "CONFIRMED" ? "confirmed" : d.chain.status === "FAILED" ? "failed" : "pending") : null;
  return (
    <>
      <PageHeader
        title={`Dispensed: ${d.drug.name}`}
        description={
          <>
            {d.code} · fill {d.fillNumber} of {d.fillsAllowed}
            {d.part > 1 && `, part ${d.part}`}
            {d.owed > 0 && ` · ${d.owed} pack${d.owed === 1 ? "" : "s"} still owed`}
            {chainStatus && (
              <>
                {" "}· on chain: <StatusBadge status={chainStatus} />
              </>
            )}
          </>
        }
        breadcrumbs={[{ label: "Dispense", href: "/pharmacy/dispense" }, { label: d.code }]}
        actions={
          <div className="flex gap-2">
            <PrintButton autoFocus label="Print label and receipt" />
            <ButtonLink href="/pharmacy/dispense" variant="secondary" size="lg">Next prescription</ButtonLink>
          </div>
        }
        className="print:hidden"
      />
      <PrintOnlyMarked />
      <div id="print-area" className="flex flex-wrap gap-6">
        <section data-print aria-label="Label" className="w-full max-w-sm rounded-lg border-2 border-ink bg-surface p-4 font-mono text-sm">
          <p className="font-bold">CareChain Health Pharmacy</p>
          <p className="mt-2 text-base font-bold">{d.patientName}</p>
          <p>{d.drug.name} {d.drug.strength}</p>
          <p>Qty: {d.quantity} × {d.drug.packSize}</p>
          <p className="mt-2 font-bold">{d.directions}</p>
          {d.instructions && <p>{d.instructions}</p>}
          <p className="mt-2">Dr: {d.doctorName}</p>
          <p>Lot: {d.lots.map((l) => `${l.lotNumber} exp ${formatDay(l.expiresOn)}`).join("; ")}</p>
          <p>{formatDay(d.createdAt)} · {d.pharmacistName} · {d.code}</p>
        </section>
        <section data-print aria-label="Receipt" className="w-full max-w-sm rounded-lg border border-line bg-surface p-4 font-mono text-sm">
          <p className="text-center font-bold">Receipt</p>
          <p className="text-center">{d.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</p>
          <p className="mt-3 flex justify-between"><span>{d.drug.name} × {d.quantity}</span><span>{formatCents(d.totalCents)}</span></p>
          <p className="mt-2 flex justify-between border-t border-dashed border-line-strong pt-2 font-bold"><span>Total</span><span>{formatCents(d.totalCents)}</span></p>
          <p className="mt-2">Prescription {d.code}, fill {d.fillNumber} of {d.fillsAllowed}</p>
        </section>
      </div>
    </>
  );
}
