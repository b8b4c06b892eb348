import { Badge, ButtonLink, Card, CardBody, CardHeader, EmptyState, StatusBadge } from "@/components/ui";
import type { CurrentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { listPatientPrescriptions } from "@/lib/prescriptions/get-prescription";
import { clinicTimeZone } from "@/lib/scheduling/availability";
import { formatInZone } from "@/lib/scheduling/time-zone";
import { listPatientVisits } from "@/lib/visits/get-visit";

const refusedAsEmpty = <T,>(promise: Promise<T[]>): Promise<T[] | null> =>
  promise.catch((error: unknown) => {
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  });

const day = (d: Date) => formatInZone(d, clinicTimeZone(), { dateStyle: "medium" });

/** The chart's visits: the patient's signed visits (with consent for visits) and the doctor's own. */
export async function VisitsSection({ user, patientId, base = "/doctor/visits" }: { user: CurrentUser; patientId: string; base?: string }) {
  const visits = await refusedAsEmpty(listPatientVisits(user, { patientId }));
  return (
    <Card>
      <CardHeader title="Visits" />
      <CardBody>
        {visits === null ? (
          <p className="text-sm text-muted">You need the patient's consent for visits to see them.</p>
        ) : visits.length === 0 ? (
          <EmptyState title="No visits yet" headingLevel={3} />
        ) : (
          <ul className="space-y-3">
            {visits.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center gap-3">
                <ButtonLink href={`${base}/${v.id}`} variant="ghost" size="sm">
                  {day(v.startedAt)} · {v.doctorName}
                </ButtonLink>
                <Badge tone={v.status === "SIGNED" ? "success" : "pending"}>{v.status === "SIGNED" ? "Signed" : "Open"}</Badge>
                <span className="text-sm text-muted">{v.diagnoses.join("; ")}</span>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

/** The chart's prescriptions: all with consent for medications, else the doctor's own. */
export async function PrescriptionsSection({ user, patientId }: { user: CurrentUser; patientId: string }) {
  const prescriptions = await refusedAsEmpty(listPatientPrescriptions(user, { patientId }));
  return (
    <Card>
      <CardHeader title="Prescriptions" />
      <CardBody>
        {prescriptions === null ? (
          <p className="text-sm text-muted">You need the patient's consent for medications to see them.</p>
        ) : prescriptions.length === 0 ? (
          <EmptyState title="No prescriptions yet" headingLevel={3} />
        ) : (
          <ul className="space-y-3">
            {prescriptions.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-3">
                <a href={`/rx/${p.code}`} className="font-medium text-brand-700 underline">
                  {p.drugName}
                </a>
                <span className="text-sm">
                  {p.dose}, {p.frequency}, {p.durationDays} days · {day(p.signedAt)} · {p.doctorName}
                </span>
                <StatusBadge status={p.anchor}>{p.anchor === "confirmed" ? "Anchored" : undefined}</StatusBadge>
                {p.expiresAt < new Date() && <Badge tone="neutral">Expired</Badge>}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
