import type { Metadata } from "next";
import { Alert, ButtonLink, PageHeader } from "@/components/ui";
import { formatDay } from "@/components/records/format";
import { notFoundOnMissing } from "@/components/records/not-found";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
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
  const patient = await notFoundOnMissing(
    getChartPatient(user, patientId).catch((error: unknown) => {
      if (isAppError(error) && error.code === "FORBIDDEN") return null;
      throw error;
    }),
  );
  if (!patient) return <NoAccess />;
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

/** Without consent (or an open emergency access) the chart shows nothing of the patient; the refusal is audited. */
function NoAccess() {
  return (
    <>
      <PageHeader title="No access to this chart" breadcrumbs={[{ label: "Today", href: "/doctor" }, { label: "Chart" }]} />
      <Alert tone="warning" title="This patient has not shared their record with you">
        <p className="mb-3">Ask the patient to grant you access. In an emergency you may break the glass: access is time-limited, the patient is told, and an administrator reviews it.</p>
        <ButtonLink href="/doctor/break-glass" variant="secondary" size="sm">
          Emergency access
        </ButtonLink>
      </Alert>
    </>
  );
}
