import type { Metadata } from "next";
import { Badge, Button, ButtonLink, Card, CardBody, CardHeader, EmptyState, FormField, Input, PageHeader, Select, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { submitBooking, submitCancellation, submitCheckIn } from "@/lib/scheduling/actions";
import { clinicTimeZone } from "@/lib/scheduling/availability";
import { listClinicAppointments, listPatientsForBooking } from "@/lib/scheduling/list-clinic-appointments";
import { listFreeSlots } from "@/lib/scheduling/list-free-slots";
import { searchDoctors } from "@/lib/scheduling/search-doctors";
import { addDays, formatInZone } from "@/lib/scheduling/time-zone";
import { ActionButton } from "../../patient/appointments/action-button";
import { BookingForm } from "../../patient/appointments/booking-form";
import { SlotPicker } from "../../patient/appointments/slot-picker";
import { STATUS_LABEL, STATUS_TONE } from "../../patient/appointments/status";

export const metadata: Metadata = { title: "Appointments" };

const UUID = /^[0-9a-f-]{36}$/i;

export default async function ClinicAppointments({ searchParams }: { searchParams: Promise<{ date?: string; doctorId?: string; patientId?: string }> }) {
  const admin = await requirePermission("area:admin");
  const { date, doctorId = "", patientId = "" } = await searchParams;
  const day = await listClinicAppointments(admin, { date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined });
  const [doctors, patients] = await Promise.all([searchDoctors(admin, {}), listPatientsForBooking(admin)]);
  const free = UUID.test(doctorId) ? await listFreeSlots(admin, { doctorId, days: 7 }) : null;
  const tz = clinicTimeZone();
  const time = (d: Date) => formatInZone(d, tz, { hour: "2-digit", minute: "2-digit" });
  return (
    <>
      <PageHeader title="Appointments" description={`The clinic's day, and booking on a patient's behalf. Times in ${tz.replace(/_/g, " ")}.`} />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Book for a patient" description="Choose the patient and the doctor, then a free time. The patient is emailed the confirmation." />
          <CardBody className="space-y-4">
            <form method="get" className="grid gap-4 md:grid-cols-[1fr_1fr_auto] md:items-end" aria-label="Choose patient and doctor">
              <FormField label="Patient">
                <Select name="patientId" defaultValue={patientId}>
                  <option value="">Choose…</option>
                  {patients.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({p.dateOfBirth})
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField label="Doctor">
                <Select name="doctorId" defaultValue={doctorId}>
                  <option value="">Choose…</option>
                  {doctors.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name} — {d.profile.specialty}
                    </option>
                  ))}
                </Select>
              </FormField>
              <Button type="submit" variant="secondary">
                Show free times
              </Button>
            </form>
            {free && UUID.test(patientId) && (
              free.slots.length === 0 ? (
                <p className="text-sm text-muted">No free time in the next 7 days.</p>
              ) : (
                <BookingForm action={submitBooking} hidden={{ doctorId: free.doctor.id, patientId }} doctorName={free.doctor.name} mode="staff" submitLabel="Book for the patient">
                  <SlotPicker slots={free.slots} timeZone={tz} />
                </BookingForm>
              )
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title={`Day of ${day.date}`}
            actions={
              <>
                <ButtonLink href={`/admin/appointments?date=${addDays(day.date, -1)}`} variant="ghost" size="sm">
                  Previous day
                </ButtonLink>
                <ButtonLink href={`/admin/appointments?date=${addDays(day.date, 1)}`} variant="ghost" size="sm">
                  Next day
                </ButtonLink>
              </>
            }
          />
          <CardBody>
            <form method="get" className="mb-4 flex items-end gap-3" aria-label="Go to a day">
              <FormField label="Day">
                <Input name="date" type="date" defaultValue={day.date} />
              </FormField>
              <Button type="submit" variant="secondary" size="sm">
                Go
              </Button>
            </form>
            {day.appointments.length === 0 ? (
              <EmptyState title="No appointments this day" headingLevel={3} />
            ) : (
              <Table caption={`Appointments on ${day.date}`} captionHidden>
                <THead>
                  <TR>
                    <TH>Time</TH>
                    <TH>Patient</TH>
                    <TH>Doctor</TH>
                    <TH>Status</TH>
                    <TH>
                      <span className="sr-only">Actions</span>
                    </TH>
                  </TR>
                </THead>
                <TBody>
                  {day.appointments.map((a) => (
                    <TR key={a.id}>
                      <TD>{time(a.startsAt)}</TD>
                      <TD>{a.patientName}</TD>
                      <TD>{a.doctorName}</TD>
                      <TD>
                        <Badge tone={STATUS_TONE[a.status]}>{STATUS_LABEL[a.status]}</Badge>
                      </TD>
                      <TD>
                        {a.status === "BOOKED" && (
                          <div className="flex flex-wrap gap-2">
                            <ActionButton action={submitCheckIn} fields={{ appointmentId: a.id }} label="Check in" ariaLabel={`Check in ${a.patientName} at ${time(a.startsAt)}`} />
                            <ActionButton action={submitCancellation} fields={{ appointmentId: a.id }} label="Cancel" ariaLabel={`Cancel ${a.patientName} at ${time(a.startsAt)}`} variant="danger" confirm="Cancel this appointment? The patient is emailed." />
                          </div>
                        )}
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
