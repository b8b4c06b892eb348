import type { Metadata } from "next";
import { Badge, ButtonLink, Card, CardBody, CardHeader, EmptyState, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { submitCheckIn, submitNoShow } from "@/lib/scheduling/actions";
import { clinicTimeZone } from "@/lib/scheduling/availability";
import { getDoctorDay } from "@/lib/scheduling/get-doctor-day";
import { addDays, formatInZone } from "@/lib/scheduling/time-zone";
import { submitStartVisit } from "@/lib/visits/actions";
import { ActionButton } from "../../patient/appointments/action-button";
import { STATUS_LABEL, STATUS_TONE } from "../../patient/appointments/status";

export const metadata: Metadata = { title: "Today" };

export default async function DoctorToday({ searchParams }: { searchParams: Promise<{ date?: string }> }) {
  const user = await requirePermission("area:doctor");
  const { date } = await searchParams;
  const day = await getDoctorDay(user, { date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined });
  const tz = clinicTimeZone();
  const now = new Date();
  const heading = formatInZone(new Date(`${day.date}T12:00:00Z`), "UTC", { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return (
    <>
      <PageHeader
        title={date ? "Day list" : "Today"}
        description={`${heading} · ${user.name ?? ""}`}
        actions={
          <>
            <ButtonLink href={`/doctor?date=${addDays(day.date, -1)}`} variant="ghost" size="sm">
              Previous day
            </ButtonLink>
            <ButtonLink href={`/doctor?date=${addDays(day.date, 1)}`} variant="ghost" size="sm">
              Next day
            </ButtonLink>
            <ButtonLink href="/doctor/schedule" variant="secondary" size="sm">
              My schedule
            </ButtonLink>
          </>
        }
      />
      <Card>
        <CardHeader title="Appointments" description={`Times in ${tz.replace(/_/g, " ")}. Check patients in as they arrive; start the visit to write notes and prescriptions.`} />
        <CardBody>
          {day.appointments.length === 0 ? (
            <EmptyState title="No appointments" description="Booked appointments appear here, in time order, with check-in and visit actions." headingLevel={3} />
          ) : (
            <Table caption={`Appointments on ${heading}`} captionHidden>
              <THead>
                <TR>
                  <TH>Time</TH>
                  <TH>Patient</TH>
                  <TH>Status</TH>
                  <TH>
                    <span className="sr-only">Actions</span>
                  </TH>
                </TR>
              </THead>
              <TBody>
                {day.appointments.map((a) => {
                  const time = formatInZone(a.startsAt, tz, { hour: "2-digit", minute: "2-digit" });
                  const who = `${a.patientName} at ${time}`;
                  return (
                    <TR key={a.id}>
                      <TD>
                        {time}–{formatInZone(a.endsAt, tz, { hour: "2-digit", minute: "2-digit" })}
                      </TD>
                      <TD>
                        <a href={`/doctor/patients/${a.patientId}`} className="font-medium text-brand-700 underline">
                          {a.patientName}
                        </a>
                        {a.dateOfBirth && <span className="block text-sm text-muted">born {a.dateOfBirth.toISOString().slice(0, 10)}</span>}
                      </TD>
                      <TD>
                        <Badge tone={STATUS_TONE[a.status]}>{STATUS_LABEL[a.status]}</Badge>
                      </TD>
                      <TD>
                        <div className="flex flex-wrap gap-2">
                          {a.status === "BOOKED" && <ActionButton action={submitCheckIn} fields={{ appointmentId: a.id }} label="Check in" ariaLabel={`Check in ${who}`} />}
                          {(a.status === "BOOKED" || a.status === "CHECKED_IN") && (
                            <ActionButton action={submitStartVisit} fields={{ appointmentId: a.id }} label="Start visit" ariaLabel={`Start visit: ${who}`} variant="primary" />
                          )}
                          {(a.status === "BOOKED" || a.status === "CHECKED_IN") && a.startsAt <= now && (
                            <ActionButton action={submitNoShow} fields={{ appointmentId: a.id }} label="No-show" ariaLabel={`No-show: ${who}`} variant="ghost" confirm="Mark this appointment as not attended?" />
                          )}
                          {a.visit && (
                            <ButtonLink href={`/doctor/visits/${a.visit.id}`} size="sm" variant={a.visit.status === "OPEN" ? "primary" : "secondary"} aria-label={`${a.visit.status === "OPEN" ? "Continue visit" : "Open visit"}: ${who}`}>
                              {a.visit.status === "OPEN" ? "Continue visit" : "Open visit"}
                            </ButtonLink>
                          )}
                        </div>
                      </TD>
                    </TR>
                  );
                })}
              </TBody>
            </Table>
          )}
        </CardBody>
      </Card>
    </>
  );
}
