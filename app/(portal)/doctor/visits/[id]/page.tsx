import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert, Badge, ButtonLink, Card, CardBody, CardHeader, FormField, Input, PageHeader, Table, TBody, TD, TH, THead, TR, Textarea } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { searchCodes } from "@/lib/codes/search-codes";
import { isAppError } from "@/lib/errors";
import { clinicTimeZone } from "@/lib/scheduling/availability";
import { formatInZone } from "@/lib/scheduling/time-zone";
import { submitAmendment, submitDiagnosis, submitExamOrder, submitRemoveDiagnosis, submitRemoveExamOrder, submitSignVisit, submitVisitNotes } from "@/lib/visits/actions";
import { getVisit } from "@/lib/visits/get-visit";
import { ActionButton } from "../../../patient/appointments/action-button";
import { ActionForm } from "../action-form";
import { SoapView, VitalsView } from "../visit-view";

export const metadata: Metadata = { title: "Visit" };

const VITALS: { name: string; label: string; unit: string; step?: string }[] = [
  { name: "systolicMmHg", label: "Systolic", unit: "mmHg" },
  { name: "diastolicMmHg", label: "Diastolic", unit: "mmHg" },
  { name: "heartRateBpm", label: "Heart rate", unit: "/min" },
  { name: "respiratoryRate", label: "Respiratory rate", unit: "/min" },
  { name: "temperatureC", label: "Temperature", unit: "°C", step: "0.1" },
  { name: "spo2Percent", label: "SpO₂", unit: "%" },
  { name: "weightKg", label: "Weight", unit: "kg", step: "0.1" },
  { name: "heightCm", label: "Height", unit: "cm", step: "0.1" },
];

const SOAP = [
  ["subjective", "Subjective", "What the patient reports"],
  ["objective", "Objective", "Examination and findings"],
  ["assessment", "Assessment", "Your clinical impression"],
  ["plan", "Plan", "Treatment, advice, follow-up"],
] as const;

export default async function VisitPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ dx?: string }> }) {
  const user = await requirePermission("area:doctor");
  const { id } = await params;
  const { dx = "" } = await searchParams;
  const visit = await getVisit(user, { visitId: id }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
    throw error;
  });
  const codes = visit.canWrite ? searchCodes(dx) : [];
  const signed = visit.status === "SIGNED";
  const when = (d: Date) => formatInZone(d, clinicTimeZone(), { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageHeader
        title={`Visit: ${visit.patientName}`}
        description={`Started ${when(visit.startedAt)} by ${visit.doctorName}`}
        breadcrumbs={[{ label: "Today", href: "/doctor" }, { label: visit.patientName, href: `/doctor/patients/${visit.patientId}` }, { label: "Visit" }]}
        actions={<Badge tone={signed ? "success" : "pending"}>{signed ? "Signed and locked" : "Open"}</Badge>}
      />
      <div className="space-y-6">
        {signed && (
          <Alert tone="info" title="Signed and locked">
            Signed {visit.signedAt ? when(visit.signedAt) : ""}. Content hash <code className="break-all">{visit.signedHash}</code>. Changes are added as amendments; the original stays.
          </Alert>
        )}

        <Card>
          <CardHeader title="Notes and vitals" headingLevel={2} />
          <CardBody>
            {visit.canWrite ? (
              <ActionForm action={submitVisitNotes} submitLabel="Save notes and vitals" reset={false}>
                <input type="hidden" name="visitId" value={visit.id} />
                <div className="grid gap-4 md:grid-cols-2">
                  {SOAP.map(([name, label, hint]) => (
                    <FormField key={name} label={label} hint={hint}>
                      <Textarea name={name} rows={4} defaultValue={visit.notes[name]} />
                    </FormField>
                  ))}
                </div>
                <fieldset>
                  <legend className="mb-2 text-sm font-semibold text-ink">Vitals</legend>
                  <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
                    {VITALS.map((v) => (
                      <FormField key={v.name} label={`${v.label} (${v.unit})`}>
                        <Input name={v.name} type="number" inputMode="decimal" step={v.step ?? "1"} defaultValue={visit.vitals[v.name as keyof typeof visit.vitals] ?? ""} />
                      </FormField>
                    ))}
                  </div>
                </fieldset>
              </ActionForm>
            ) : (
              <div className="space-y-4">
                <SoapView notes={visit.notes} />
                <VitalsView vitals={visit.vitals} />
              </div>
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Diagnoses" description="ICD-10-CM, from the clinic's common-codes list." />
          <CardBody className="space-y-4">
            {visit.diagnoses.length === 0 ? (
              <p className="text-sm text-muted">No diagnosis yet.</p>
            ) : (
              <ul className="space-y-2">
                {visit.diagnoses.map((d) => (
                  <li key={d.id} className="flex flex-wrap items-center gap-3">
                    <span>
                      <span className="font-mono font-semibold">{d.code}</span> {d.display}
                    </span>
                    {d.isPrimary && <Badge tone="info">Primary</Badge>}
                    {visit.canWrite && <ActionButton action={submitRemoveDiagnosis} fields={{ diagnosisId: d.id }} label="Remove" ariaLabel={`Remove ${d.code}`} variant="ghost" />}
                  </li>
                ))}
              </ul>
            )}
            {visit.canWrite && (
              <>
                <form method="get" role="search" aria-label="Diagnosis codes" className="flex flex-wrap items-end gap-3">
                  <FormField label="Find a code" hint="A code (J45) or words (knee pain)." className="min-w-64 flex-1">
                    <Input name="dx" type="search" defaultValue={dx} />
                  </FormField>
                  <button type="submit" className="rounded-lg border border-line-strong px-4 py-2 text-sm font-medium">
                    Search codes
                  </button>
                </form>
                {dx && codes.length === 0 && <p className="text-sm text-muted">No code matches “{dx}”.</p>}
                {codes.length > 0 && (
                  <Table caption={`Codes matching “${dx}”`}>
                    <THead>
                      <TR>
                        <TH>Code</TH>
                        <TH>Title</TH>
                        <TH>
                          <span className="sr-only">Add</span>
                        </TH>
                      </TR>
                    </THead>
                    <TBody>
                      {codes.map((c) => (
                        <TR key={c.code}>
                          <TD className="font-mono">{c.code}</TD>
                          <TD>{c.display}</TD>
                          <TD>
                            <ActionButton action={submitDiagnosis} fields={{ visitId: visit.id, code: c.code, isPrimary: visit.diagnoses.length === 0 ? "on" : "" }} label="Add" ariaLabel={`Add ${c.code} ${c.display}`} />
                          </TD>
                        </TR>
                      ))}
                    </TBody>
                  </Table>
                )}
              </>
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Exam orders" />
          <CardBody className="space-y-4">
            {visit.orders.length === 0 ? (
              <p className="text-sm text-muted">No exam ordered.</p>
            ) : (
              <ul className="space-y-2">
                {visit.orders.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-center gap-3">
                    <span className="font-medium">{o.name}</span>
                    {o.instructions && <span className="text-sm text-muted">{o.instructions}</span>}
                    {visit.canWrite && <ActionButton action={submitRemoveExamOrder} fields={{ orderId: o.id }} label="Remove" ariaLabel={`Remove the order ${o.name}`} variant="ghost" />}
                  </li>
                ))}
              </ul>
            )}
            {visit.canWrite && (
              <ActionForm action={submitExamOrder} submitLabel="Order exam" variant="secondary">
                <input type="hidden" name="visitId" value={visit.id} />
                <div className="grid gap-4 md:grid-cols-2">
                  <FormField label="Exam or test" required>
                    <Input name="name" list="common-exams" />
                  </FormField>
                  <FormField label="Instructions">
                    <Input name="instructions" />
                  </FormField>
                </div>
                <datalist id="common-exams">
                  {["Full blood count", "Basic metabolic panel", "HbA1c", "Lipid panel", "Thyroid-stimulating hormone", "Urinalysis", "ECG", "Chest X-ray", "Spirometry", "Echocardiogram"].map((e) => (
                    <option key={e} value={e} />
                  ))}
                </datalist>
              </ActionForm>
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Prescriptions"
            actions={
              <ButtonLink href={`/doctor/prescriptions/new?visitId=${visit.id}`} size="sm" variant="secondary">
                New prescription
              </ButtonLink>
            }
          />
          <CardBody>
            {visit.prescriptions.length === 0 ? (
              <p className="text-sm text-muted">None for this visit.</p>
            ) : (
              <ul className="space-y-2">
                {visit.prescriptions.map((p) => (
                  <li key={p.id}>
                    <a href={`/rx/${p.code}`} className="font-medium text-brand-700 underline">
                      {p.drugName}
                    </a>{" "}
                    — {p.dose}, {p.route}, {p.frequency}, {p.durationDays} days <span className="font-mono text-sm text-muted">{p.code}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>

        {visit.amendments.length > 0 && (
          <Card>
            <CardHeader title="Amendments" description="Added after signing, oldest first. The signed original above is unchanged." />
            <CardBody className="space-y-6">
              {visit.amendments.map((a) => (
                <section key={a.id} aria-label={`Amendment of ${when(a.createdAt)}`} className="space-y-2 border-l-4 border-line pl-4">
                  <p className="text-sm text-muted">
                    {when(a.createdAt)} by {a.authorName} — {a.reason}
                  </p>
                  <SoapView notes={a.notes} />
                </section>
              ))}
            </CardBody>
          </Card>
        )}

        {visit.canWrite && (
          <Card>
            <CardHeader title="Sign the visit" description="Signing locks the notes, vitals, diagnoses and orders. Later changes are amendments." />
            <CardBody>
              <ActionForm action={submitSignVisit} submitLabel="Sign and lock visit">
                <input type="hidden" name="visitId" value={visit.id} />
              </ActionForm>
            </CardBody>
          </Card>
        )}
        {visit.canAmend && (
          <Card>
            <CardHeader title="Amend" description="Write the notes as they should read, and why. The signed original is kept." />
            <CardBody>
              <ActionForm action={submitAmendment} submitLabel="Add amendment" variant="secondary">
                <input type="hidden" name="visitId" value={visit.id} />
                <FormField label="Reason for the amendment" required>
                  <Input name="reason" />
                </FormField>
                <div className="grid gap-4 md:grid-cols-2">
                  {SOAP.map(([name, label]) => (
                    <FormField key={name} label={`${label} (amended)`}>
                      <Textarea name={name} rows={3} defaultValue={(visit.amendments.at(-1)?.notes ?? visit.notes)[name]} />
                    </FormField>
                  ))}
                </div>
              </ActionForm>
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
