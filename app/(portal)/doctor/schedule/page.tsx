import type { Metadata } from "next";
import { Badge, Card, CardBody, CardHeader, FormField, Input, PageHeader, Select, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { submitRemoveTimeOff, submitTimeOff, submitWorkingHours } from "@/lib/scheduling/actions";
import { clinicTimeZone, clinicToday } from "@/lib/scheduling/availability";
import { getDoctorSchedule } from "@/lib/scheduling/manage-schedule";
import { formatInZone, formatMinute } from "@/lib/scheduling/time-zone";
import { ActionButton } from "../../patient/appointments/action-button";
import { ActionForm } from "../visits/action-form";

export const metadata: Metadata = { title: "My schedule" };

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export default async function DoctorSchedule() {
  const user = await requirePermission("area:doctor");
  const { hours, timeOff } = await getDoctorSchedule(user);
  const tz = clinicTimeZone();
  const when = (d: Date) => formatInZone(d, tz, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  return (
    <>
      <PageHeader title="My schedule" description={`Working hours, leave and blocked time, in the clinic's time zone (${tz.replace(/_/g, " ")}).`} breadcrumbs={[{ label: "Today", href: "/doctor" }, { label: "My schedule" }]} />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Weekly hours" description="Leave a day empty if you do not work it. Patients book slots of the length you set." />
          <CardBody>
            <ActionForm action={submitWorkingHours} submitLabel="Save hours" reset={false}>
              <Table caption="Working hours per weekday" captionHidden>
                <THead>
                  <TR>
                    <TH>Day</TH>
                    <TH>From</TH>
                    <TH>To</TH>
                    <TH>Slot (minutes)</TH>
                  </TR>
                </THead>
                <TBody>
                  {WEEKDAYS.map((day, i) => {
                    const h = hours.find((x) => x.weekday === i + 1);
                    return (
                      <TR key={day}>
                        <TH scope="row">{day}</TH>
                        <TD>
                          <Input name={`start-${i + 1}`} type="time" aria-label={`${day} from`} defaultValue={h ? formatMinute(h.startMinute) : ""} />
                        </TD>
                        <TD>
                          <Input name={`end-${i + 1}`} type="time" aria-label={`${day} to`} defaultValue={h ? formatMinute(h.endMinute === 1440 ? 1439 : h.endMinute) : ""} />
                        </TD>
                        <TD>
                          <Select name={`slot-${i + 1}`} aria-label={`${day} slot length`} defaultValue={String(h?.slotMinutes ?? 30)}>
                            {[10, 15, 20, 30, 45, 60].map((m) => (
                              <option key={m} value={m}>
                                {m}
                              </option>
                            ))}
                          </Select>
                        </TD>
                      </TR>
                    );
                  })}
                </TBody>
              </Table>
            </ActionForm>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Leave and blocked time" description="No slots are offered in these periods. Booked appointments must be moved first." />
          <CardBody className="space-y-6">
            {timeOff.length === 0 ? (
              <p className="text-sm text-muted">Nothing planned.</p>
            ) : (
              <Table caption="Leave and blocked time ahead" captionHidden>
                <THead>
                  <TR>
                    <TH>Kind</TH>
                    <TH>From</TH>
                    <TH>To</TH>
                    <TH>Note</TH>
                    <TH>
                      <span className="sr-only">Remove</span>
                    </TH>
                  </TR>
                </THead>
                <TBody>
                  {timeOff.map((t) => (
                    <TR key={t.id}>
                      <TD>
                        <Badge tone={t.kind === "LEAVE" ? "warning" : "neutral"}>{t.kind === "LEAVE" ? "Leave" : "Blocked"}</Badge>
                      </TD>
                      <TD>{when(t.startsAt)}</TD>
                      <TD>{when(t.endsAt)}</TD>
                      <TD>{t.note ?? ""}</TD>
                      <TD>
                        <ActionButton action={submitRemoveTimeOff} fields={{ timeOffId: t.id }} label="Remove" ariaLabel={`Remove the period from ${when(t.startsAt)}`} variant="ghost" />
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
            <ActionForm action={submitTimeOff} submitLabel="Add" variant="secondary" ariaLabel="Add leave or blocked time">
              <div className="grid gap-4 md:grid-cols-3">
                <FormField label="Kind">
                  <Select name="kind" defaultValue="BLOCK">
                    <option value="BLOCK">Blocked time</option>
                    <option value="LEAVE">Leave</option>
                  </Select>
                </FormField>
                <FormField label="From date" required>
                  <Input name="date" type="date" min={clinicToday()} />
                </FormField>
                <FormField label="To date" hint="Empty: the same day.">
                  <Input name="endDate" type="date" min={clinicToday()} />
                </FormField>
                <FormField label="From time" hint="Empty: start of day.">
                  <Input name="from" type="time" />
                </FormField>
                <FormField label="To time" hint="Empty: end of day.">
                  <Input name="to" type="time" />
                </FormField>
                <FormField label="Note">
                  <Input name="note" />
                </FormField>
              </div>
            </ActionForm>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
