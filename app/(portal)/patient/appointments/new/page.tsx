import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink, Card, CardBody, CardHeader, EmptyState, PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { submitBooking } from "@/lib/scheduling/actions";
import { clinicTimeZone, clinicToday } from "@/lib/scheduling/availability";
import { listFreeSlots } from "@/lib/scheduling/list-free-slots";
import { addDays } from "@/lib/scheduling/time-zone";
import { BookingForm } from "../booking-form";
import { SlotPicker } from "../slot-picker";

export const metadata: Metadata = { title: "Book an appointment" };

export default async function BookAppointment({ searchParams }: { searchParams: Promise<{ doctorId?: string; from?: string }> }) {
  const user = await requirePermission("area:patient");
  const { doctorId = "", from } = await searchParams;
  const result = await listFreeSlots(user, { doctorId, fromDate: from, days: 7 }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
    throw error;
  });
  const { doctor, slots, fromDate } = result;
  const prev = addDays(fromDate, -7) >= clinicToday() ? addDays(fromDate, -7) : fromDate > clinicToday() ? clinicToday() : null;
  return (
    <>
      <PageHeader
        title="Book an appointment"
        description={`${doctor.name} · ${doctor.profile?.specialty ?? ""}`}
        breadcrumbs={[{ label: "Home", href: "/patient" }, { label: "Find a doctor", href: "/patient/doctors" }, { label: "Book" }]}
      />
      <Card>
        <CardHeader
          title={`Free times from ${fromDate}`}
          description="Pick a time, tell us why you are coming if you like, and book."
          actions={
            <>
              {prev && (
                <ButtonLink href={`/patient/appointments/new?doctorId=${doctor.id}&from=${prev}`} variant="ghost" size="sm">
                  Earlier
                </ButtonLink>
              )}
              <ButtonLink href={`/patient/appointments/new?doctorId=${doctor.id}&from=${addDays(fromDate, 7)}`} variant="ghost" size="sm">
                Later
              </ButtonLink>
            </>
          }
        />
        <CardBody>
          {slots.length === 0 ? (
            <EmptyState title="No free times this week" description="Try the following week." headingLevel={3} />
          ) : (
            <BookingForm action={submitBooking} hidden={{ doctorId: doctor.id }} doctorName={doctor.name} mode="patient" submitLabel="Book appointment">
              <SlotPicker slots={slots} timeZone={clinicTimeZone()} />
            </BookingForm>
          )}
        </CardBody>
      </Card>
    </>
  );
}
