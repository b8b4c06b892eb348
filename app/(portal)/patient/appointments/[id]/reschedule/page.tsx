import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink, Card, CardBody, CardHeader, EmptyState, PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { submitReschedule } from "@/lib/scheduling/actions";
import { clinicTimeZone } from "@/lib/scheduling/availability";
import { listFreeSlots } from "@/lib/scheduling/list-free-slots";
import { listMyAppointments } from "@/lib/scheduling/list-my-appointments";
import { addDays, formatInZone } from "@/lib/scheduling/time-zone";
import { BookingForm } from "../../booking-form";
import { SlotPicker } from "../../slot-picker";

export const metadata: Metadata = { title: "Reschedule" };

export default async function Reschedule({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string }> }) {
  const user = await requirePermission("area:patient");
  const { id } = await params;
  const { from } = await searchParams;
  // Only the patient's own appointments are listed, so another patient's id finds nothing here.
  const appointment = (await listMyAppointments(user)).upcoming.find((a) => a.id === id && a.changeable);
  if (!appointment) notFound();
  const { doctor, slots, fromDate } = await listFreeSlots(user, { doctorId: appointment.doctorId, fromDate: from, days: 7 });
  const tz = clinicTimeZone();
  return (
    <>
      <PageHeader
        title="Reschedule"
        description={`Now: ${formatInZone(appointment.startsAt, tz, { dateStyle: "full", timeStyle: "short" })} with ${doctor.name}`}
        breadcrumbs={[{ label: "Home", href: "/patient" }, { label: "Appointments", href: "/patient/appointments" }, { label: "Reschedule" }]}
      />
      <Card>
        <CardHeader
          title={`Free times from ${fromDate}`}
          actions={
            <ButtonLink href={`/patient/appointments/${id}/reschedule?from=${addDays(fromDate, 7)}`} variant="ghost" size="sm">
              Later
            </ButtonLink>
          }
        />
        <CardBody>
          {slots.length === 0 ? (
            <EmptyState title="No free times this week" description="Try the following week." headingLevel={3} />
          ) : (
            <BookingForm action={submitReschedule} hidden={{ appointmentId: id }} doctorName={doctor.name} mode="reschedule" submitLabel="Move appointment">
              <SlotPicker slots={slots} timeZone={tz} />
            </BookingForm>
          )}
        </CardBody>
      </Card>
    </>
  );
}
