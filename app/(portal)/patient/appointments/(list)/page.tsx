import type { Metadata } from "next";
import { Alert, Badge, ButtonLink, Card, CardBody, CardHeader, EmptyState, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { submitCancellation } from "@/lib/scheduling/actions";
import { clinicTimeZone } from "@/lib/scheduling/availability";
import { listMyAppointments } from "@/lib/scheduling/list-my-appointments";
import { formatInZone } from "@/lib/scheduling/time-zone";
import { ActionButton } from "../action-button";
import { STATUS_LABEL, STATUS_TONE } from "../status";

export const metadata: Metadata = { title: "Appointments" };

export default async function MyAppointments({ searchParams }: { searchParams: Promise<{ booked?: string; moved?: string; consent?: string }> }) {
  const user = await requirePermission("area:patient");
  const { booked, moved, consent } = await searchParams;
  const { upcoming, past } = await listMyAppointments(user);
  const tz = clinicTimeZone();
  const when = (d: Date) => formatInZone(d, tz, { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
  return (
    <>
      <PageHeader
        title="Appointments"
        description={`Times are in the clinic's time zone (${tz.replace(/_/g, " ")}). You can move or cancel online until ${env().BOOKING_CUTOFF_HOURS} hours before.`}
        breadcrumbs={[{ label: "Home", href: "/patient" }, { label: "Appointments" }]}
        actions={<ButtonLink href="/patient/doctors">Book an appointment</ButtonLink>}
      />
      <div className="space-y-6">
        {booked && <Alert tone="success" title="Booked">Your appointment on {booked} is booked. A confirmation with a calendar invitation is on its way.</Alert>}
        {consent === "failed" && (
          <Alert tone="warning" title="Access not granted yet">
            We could not record your consent for the doctor right now. You can grant it under Consents before the visit.
          </Alert>
        )}
        {moved && <Alert tone="success" title="Moved">Your appointment is now on {moved}. The calendar invitation has been updated.</Alert>}
        <Card>
          <CardHeader title="Upcoming" />
          <CardBody>
            {upcoming.length === 0 ? (
              <EmptyState title="No upcoming appointments" description="Find a doctor and book a time that suits you." headingLevel={3} action={<ButtonLink href="/patient/doctors" variant="secondary">Find a doctor</ButtonLink>} />
            ) : (
              <Table caption="Upcoming appointments" captionHidden>
                <THead>
                  <TR>
                    <TH>When</TH>
                    <TH>Doctor</TH>
                    <TH>Status</TH>
                    <TH>
                      <span className="sr-only">Actions</span>
                    </TH>
                  </TR>
                </THead>
                <TBody>
                  {upcoming.map((a) => (
                    <TR key={a.id}>
                      <TD>{when(a.startsAt)}</TD>
                      <TD>
                        {a.doctorName}
                        <span className="block text-sm text-muted">{a.specialty}</span>
                      </TD>
                      <TD>
                        <Badge tone={STATUS_TONE[a.status]}>{STATUS_LABEL[a.status]}</Badge>
                      </TD>
                      <TD>
                        {a.changeable ? (
                          <div className="flex flex-wrap gap-2">
                            <ButtonLink href={`/patient/appointments/${a.id}/reschedule`} variant="secondary" size="sm" aria-label={`Reschedule the appointment of ${when(a.startsAt)}`}>
                              Reschedule
                            </ButtonLink>
                            <ActionButton action={submitCancellation} fields={{ appointmentId: a.id }} label="Cancel" ariaLabel={`Cancel the appointment of ${when(a.startsAt)}`} variant="danger" confirm="Cancel this appointment?" />
                          </div>
                        ) : (
                          a.status === "BOOKED" && <span className="text-sm text-muted">Call the clinic to change it</span>
                        )}
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Past and cancelled" />
          <CardBody>
            {past.length === 0 ? (
              <p className="text-sm text-muted">Nothing yet.</p>
            ) : (
              <Table caption="Past and cancelled appointments" captionHidden>
                <THead>
                  <TR>
                    <TH>When</TH>
                    <TH>Doctor</TH>
                    <TH>Status</TH>
                  </TR>
                </THead>
                <TBody>
                  {past.map((a) => (
                    <TR key={a.id}>
                      <TD>{when(a.startsAt)}</TD>
                      <TD>{a.doctorName}</TD>
                      <TD>
                        <Badge tone={STATUS_TONE[a.status]}>{STATUS_LABEL[a.status]}</Badge>
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
