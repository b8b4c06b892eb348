import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert, Card, CardBody, CardHeader, PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { clinicTimeZone } from "@/lib/scheduling/availability";
import { formatInZone } from "@/lib/scheduling/time-zone";
import { getVisit } from "@/lib/visits/get-visit";
import { SoapView, VitalsView } from "../../../doctor/visits/visit-view";

export const metadata: Metadata = { title: "Visit" };

export default async function MyVisit({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("area:patient");
  const { id } = await params;
  const visit = await getVisit(user, { visitId: id }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN" || error.code === "VALIDATION")) notFound();
    throw error;
  });
  const when = (d: Date) => formatInZone(d, clinicTimeZone(), { dateStyle: "long", timeStyle: "short" });
  return (
    <>
      <PageHeader title={`Visit with ${visit.doctorName}`} description={when(visit.startedAt)} breadcrumbs={[{ label: "Home", href: "/patient" }, { label: "Visits", href: "/patient/visits" }, { label: "Visit" }]} />
      <div className="space-y-6">
        {visit.signedAt && <Alert tone="info">Signed by {visit.doctorName} on {when(visit.signedAt)}. The record is locked; corrections appear as amendments below.</Alert>}
        <Card>
          <CardHeader title="Notes" />
          <CardBody>
            <SoapView notes={visit.notes} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Vitals" />
          <CardBody>
            <VitalsView vitals={visit.vitals} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Diagnoses and orders" />
          <CardBody className="space-y-3">
            <ul className="space-y-1">
              {visit.diagnoses.map((d) => (
                <li key={d.id}>
                  <span className="font-mono">{d.code}</span> {d.display}
                </li>
              ))}
            </ul>
            {visit.orders.length > 0 && (
              <ul className="space-y-1">
                {visit.orders.map((o) => (
                  <li key={o.id}>Ordered: {o.name}</li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
        {visit.prescriptions.length > 0 && (
          <Card>
            <CardHeader title="Prescriptions" />
            <CardBody>
              <ul className="space-y-1">
                {visit.prescriptions.map((p) => (
                  <li key={p.id}>
                    <a className="font-medium text-brand-700 underline" href={`/rx/${p.code}`}>
                      {p.drugName}
                    </a>{" "}
                    — {p.dose}, {p.frequency}, {p.durationDays} days
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        )}
        {visit.amendments.map((a) => (
          <Card key={a.id}>
            <CardHeader title={`Amendment of ${when(a.createdAt)}`} description={`${a.authorName}: ${a.reason}`} />
            <CardBody>
              <SoapView notes={a.notes} />
            </CardBody>
          </Card>
        ))}
      </div>
    </>
  );
}
