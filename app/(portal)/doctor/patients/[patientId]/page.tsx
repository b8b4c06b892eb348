import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { formatDay } from "@/components/records/format";
import { notFoundOnMissing } from "@/components/records/not-found";
import { requirePermission } from "@/lib/auth/session";
import { SEX_LABELS } from "@/lib/patients/schemas";
import { getChartPatient } from "@/lib/records/get-chart-patient";
import { AddEntrySection } from "./_sections/add-entry-section";
import { DocumentsSection } from "./_sections/documents-section";
import { HistorySection } from "./_sections/history-section";
import { PrescriptionsSection, VisitsSection } from "../../visits/chart-sections";

export const metadata: Metadata = { title: "Patient chart" };

/**
 * The chart: a composition of sections, each reading through its own data function (which checks the doctor's
 * consent for its part and audits the read). Visits and prescriptions add their own sections here.
 */
export default async function PatientChart({ params }: { params: Promise<{ patientId: string }> }) {
  const user = await requirePermission("area:doctor");
  const { patientId } = await params;
  const patient = await notFoundOnMissing(getChartPatient(user, patientId));
  const name = `${patient.givenName} ${patient.familyName}`;
  return (
    <>
      <PageHeader
        title={name}
        description={`Born ${formatDay(patient.dateOfBirth)} · ${SEX_LABELS[patient.sex]}`}
        breadcrumbs={[{ label: "Today", href: "/doctor" }, { label: name }]}
      />
      <div className="space-y-10">
        <HistorySection user={user} patientId={patientId} />
        <VisitsSection user={user} patientId={patientId} />
        <PrescriptionsSection user={user} patientId={patientId} />
        <AddEntrySection patientId={patientId} />
        <DocumentsSection user={user} patientId={patientId} />
      </div>
    </>
  );
}
