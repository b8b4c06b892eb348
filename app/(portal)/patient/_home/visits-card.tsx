import { ButtonLink, Card, CardBody, CardHeader, EmptyState } from "@/components/ui";
import { formatDay } from "@/components/records/format";
import type { CurrentUser } from "@/lib/auth/session";
import { listPatientPrescriptions } from "@/lib/prescriptions/get-prescription";
import { listPatientVisits } from "@/lib/visits/get-visit";

/** The latest signed visits and prescriptions, from the visits and prescriptions domains' own lists. */
export async function VisitsCard({ user }: { user: CurrentUser }) {
  const [visits, prescriptions] = await Promise.all([listPatientVisits(user, { patientId: user.userId }), listPatientPrescriptions(user, { patientId: user.userId })]);
  return (
    <Card>
      <CardHeader
        title="Visits and prescriptions"
        description={`${visits.length} visit${visits.length === 1 ? "" : "s"}, ${prescriptions.length} prescription${prescriptions.length === 1 ? "" : "s"}`}
        actions={
          <ButtonLink href="/patient/visits" variant="ghost" size="sm">
            All visits
          </ButtonLink>
        }
      />
      <CardBody className="space-y-4">
        {visits.length === 0 && prescriptions.length === 0 ? (
          <EmptyState headingLevel={3} title="No visits yet" description="Signed visit records and prescriptions appear here." />
        ) : (
          <>
            {visits.length > 0 && (
              <ul className="space-y-1" aria-label="Latest visits">
                {visits.slice(0, 3).map((v) => (
                  <li key={v.id}>
                    <span className="font-medium">{formatDay(v.startedAt)}</span> with {v.doctorName}
                    {v.diagnoses.length > 0 && <span className="text-muted"> · {v.diagnoses[0]}</span>}
                  </li>
                ))}
              </ul>
            )}
            {prescriptions.length > 0 && (
              <ul className="space-y-1" aria-label="Latest prescriptions">
                {prescriptions.slice(0, 3).map((p) => (
                  <li key={p.id}>
                    <span className="font-medium">{p.drugName}</span> <span className="text-muted">{formatDay(p.signedAt)}, {p.doctorName}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}
