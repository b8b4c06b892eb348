import { ButtonLink, Card, CardBody, CardHeader, EmptyState } from "@/components/ui";
import type { CurrentUser } from "@/lib/auth/session";
import { clinicTimeZone } from "@/lib/scheduling/availability";
import { listMyAppointments } from "@/lib/scheduling/list-my-appointments";
import { formatInZone } from "@/lib/scheduling/time-zone";

/** The next appointments and how many are behind, from the scheduling domain's own list. */
export async function AppointmentsCard({ user }: { user: CurrentUser }) {
  const { upcoming, past } = await listMyAppointments(user);
  const tz = clinicTimeZone();
  return (
    <Card>
      <CardHeader
        title="Appointments"
        description={`${upcoming.length} upcoming, ${past.length} past`}
        actions={
          <ButtonLink href="/patient/appointments" variant="ghost" size="sm">
            All appointments
          </ButtonLink>
        }
      />
      <CardBody>
        {upcoming.length === 0 ? (
          <EmptyState headingLevel={3} title="No upcoming appointments" description="Book a time with a doctor." />
        ) : (
          <ul className="space-y-2">
            {upcoming.slice(0, 3).map((a) => (
              <li key={a.id}>
                <span className="font-medium">{formatInZone(a.startsAt, tz, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })}</span> with {a.doctorName}
                {a.specialty && <span className="text-muted"> ({a.specialty})</span>}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
