import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Badge, Button, Card, CardBody, CardHeader, FormField, Input, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getDispensingView, type DispensingView } from "@/lib/pharmacy/dispensing/dispense-prescription";
import { findPrescriptionsByPatient } from "@/lib/pharmacy/dispensing/find-prescriptions";
import { formatCents, formatDay } from "@/lib/pharmacy/format";
import { DispenseForm } from "./dispense-form";

export const metadata: Metadata = { title: "Dispense" };

export default async function Dispense({ searchParams }: { searchParams: Promise<{ code?: string; patient?: string }> }) {
  const pharmacist = await requirePermission("area:pharmacy");
  const params = await searchParams;
  const code = (params.code ?? "").trim();
  const patient = (params.patient ?? "").trim();
  let view: DispensingView | null = null;
  let problem: string | null = null;
  let found: Awaited<ReturnType<typeof findPrescriptionsByPatient>> | null = null;
  if (patient && !code) {
    try {
      found = await findPrescriptionsByPatient(pharmacist, { patient });
    } catch (error) {
      if (!isAppError(error)) throw error;
      problem = error.message;
    }
  }
  if (code) {
    try {
      view = await getDispensingView(pharmacist, { code });
    } catch (error) {
      if (!isAppError(error)) throw error;
      problem = error.message;
    }
  }
  return (
    <>
      <PageHeader title="Dispense a prescription" description="Scan the QR code on the prescription, or type its code, then Enter." breadcrumbs={[{ label: "Counter", href: "/pharmacy" }, { label: "Dispense" }]} />
      <form action="/pharmacy/dispense" className="mb-6 flex flex-wrap items-end gap-3" role="search">
        <FormField label="Prescription code" size="lg" className="min-w-80 flex-1">
          <Input name="code" defaultValue={code} autoFocus={!view?.dispensable} autoComplete="off" placeholder="RX-XXXX-XXXX-XXXX" />
        </FormField>
        <Button type="submit" size="lg">Look up</Button>
      </form>
      <form action="/pharmacy/dispense" className="mb-6 flex flex-wrap items-end gap-3" role="search" aria-label="Find by patient">
        <FormField label="Or find by patient name" size="lg" className="min-w-80 flex-1">
          <Input name="patient" defaultValue={patient} autoComplete="off" />
        </FormField>
        <Button type="submit" size="lg" variant="secondary">Find</Button>
      </form>
      {found && (
        found.length ? (
          <Table caption={`Open prescriptions for “${patient}”`}>
            <THead><TR><TH>Code</TH><TH>Patient</TH><TH>Medication</TH><TH>Signed</TH></TR></THead>
            <TBody>
              {found.map((r) => (
                <TR key={r.id}>
                  <TD><Link href={`/pharmacy/dispense?code=${r.code}`} className="font-mono text-brand-700 underline underline-offset-4">{r.code}</Link></TD>
                  <TD>{r.patientName} (born {formatDay(r.patientDateOfBirth)})</TD>
                  <TD>{r.drugName} × {r.quantity}{r.refills > 0 && `, ${r.refills} refill${r.refills === 1 ? "" : "s"}`}</TD>
                  <TD>{formatDay(r.signedAt)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        ) : (
          <Alert tone="info" className="mb-6 text-base">No open prescription for a patient named “{patient}”.</Alert>
        )
      )}
      {problem && (
        <Alert tone="danger" title="Cannot open this prescription" className="text-base">
          {problem}
        </Alert>
      )}
      {view && (
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="flex flex-col gap-6 lg:col-span-2">
            <Card>
              <CardHeader title={`${view.prescription.drugName}`} description={`${view.prescription.code} · signed ${formatDay(view.prescription.signedAt)} by ${view.doctorName}`} />
              <CardBody>
                <dl className="grid gap-3 text-base sm:grid-cols-2">
                  <div><dt className="text-muted">Patient</dt><dd className="font-medium">{view.patientName}{view.patientDateOfBirth && ` (born ${formatDay(view.patientDateOfBirth)})`}</dd></div>
                  <div><dt className="text-muted">Directions</dt><dd>{view.prescription.dose}, {view.prescription.route}, {view.prescription.frequency}, {view.prescription.durationDays} days</dd></div>
                  <div><dt className="text-muted">Quantity per fill</dt><dd>{view.prescription.quantity} prescribed: {view.fills.packsPerFill} pack{view.fills.packsPerFill === 1 ? "" : "s"}{view.drug && ` of ${view.drug.packSize}`}</dd></div>
                  <div><dt className="text-muted">Fills</dt><dd>{view.fills.fillsStarted} of {view.fills.fillsAllowed} used</dd></div>
                  <div><dt className="text-muted">In stock</dt><dd>{view.onHand} pack{view.onHand === 1 ? "" : "s"}{view.drug?.controlled && <Badge tone="info" className="ml-2">Controlled</Badge>}</dd></div>
                  <div><dt className="text-muted">Price per pack</dt><dd>{view.drug ? formatCents(view.drug.priceCents) : "—"}</dd></div>
                </dl>
              </CardBody>
            </Card>
            <section aria-labelledby="checks-heading" className="rounded-xl border border-line bg-surface p-4">
              <h2 id="checks-heading" className="mb-3 text-lg font-semibold">Verification</h2>
              <ul className="flex flex-col gap-2">
                {view.checks.map((c) => (
                  <li key={c.label} className="flex items-start gap-3 text-base">
                    <Badge tone={c.ok ? "success" : "danger"}>{c.ok ? "Passed" : "Failed"}</Badge>
                    <span>
                      <span className="font-medium">{c.label}.</span> {c.detail}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
            {view.history.length > 0 && (
              <Table caption="Dispensed so far">
                <THead><TR><TH>When</TH><TH>Fill</TH><TH numeric>Packs</TH><TH numeric>Owed</TH></TR></THead>
                <TBody>
                  {view.history.map((h) => (
                    <TR key={h.id}><TD>{h.at.toISOString().slice(0, 16).replace("T", " ")}</TD><TD>{h.fillNumber}{h.part > 1 && ` (part ${h.part})`}</TD><TD numeric>{h.quantity}</TD><TD numeric>{h.owed}</TD></TR>
                  ))}
                </TBody>
              </Table>
            )}
          </div>
          <Card className="h-fit">
            <CardHeader title="Fill" />
            <CardBody>
              {view.dispensable && view.fills.next ? (
                <DispenseForm code={view.prescription.code} due={view.fills.next.due} onHand={view.onHand} fill={`${view.fills.next.fillNumber} of ${view.fills.fillsAllowed}`} />
              ) : (
                <Alert tone="danger" title="Do not dispense" className="text-base">
                  {view.checks.find((c) => c.label === "Fills left" && !c.ok)?.detail ?? "This prescription failed verification: see the checks."}
                </Alert>
              )}
            </CardBody>
          </Card>
        </div>
      )}
    </>
  );
}
