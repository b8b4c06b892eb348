import type { Metadata } from "next";
import { Badge, Button, ButtonLink, Card, CardBody, CardHeader, EmptyState, FormField, Input, PageHeader, Select } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { clinicTimeZone } from "@/lib/scheduling/availability";
import { listSpecialties, searchDoctors } from "@/lib/scheduling/search-doctors";
import { formatInZone } from "@/lib/scheduling/time-zone";

export const metadata: Metadata = { title: "Find a doctor" };

const money = (cents: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

export default async function DoctorDirectory({ searchParams }: { searchParams: Promise<{ q?: string; specialty?: string }> }) {
  const user = await requirePermission("area:patient");
  const { q = "", specialty = "" } = await searchParams;
  const [doctors, specialties] = await Promise.all([searchDoctors(user, { q, specialty }), listSpecialties(user)]);
  const tz = clinicTimeZone();
  return (
    <>
      <PageHeader title="Find a doctor" description="Search by name or specialty and book the next free time." breadcrumbs={[{ label: "Home", href: "/patient" }, { label: "Find a doctor" }]} />
      <div className="space-y-6">
        <Card>
          <CardBody>
            <form method="get" role="search" aria-label="Doctors" className="grid gap-4 md:grid-cols-[1fr_16rem_auto] md:items-end">
              <FormField label="Name or specialty">
                <Input name="q" defaultValue={q} type="search" />
              </FormField>
              <FormField label="Specialty">
                <Select name="specialty" defaultValue={specialty}>
                  <option value="">Any specialty</option>
                  {specialties.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </Select>
              </FormField>
              <Button type="submit" variant="secondary">
                Search
              </Button>
            </form>
          </CardBody>
        </Card>
        {doctors.length === 0 ? (
          <EmptyState title="No doctor matches" description="Try another name, or any specialty." />
        ) : (
          <ul className="grid gap-4 md:grid-cols-2" aria-label="Doctors">
            {doctors.map((d) => (
              <li key={d.id}>
                <Card className="h-full">
                  <CardHeader
                    title={d.name}
                    description={`${d.profile.specialty} · ${d.profile.qualifications}`}
                    actions={<Badge tone="info">{money(d.profile.feeCents)}</Badge>}
                  />
                  <CardBody className="space-y-3">
                    <p className="text-sm">{d.profile.bio}</p>
                    <p className="text-sm text-muted">Speaks {d.profile.languages.join(", ")}</p>
                    <div className="flex flex-wrap items-center justify-between gap-3">
                      <p className="text-sm">
                        {d.nextFreeSlot ? (
                          <>
                            Next free: <span className="font-semibold">{formatInZone(d.nextFreeSlot.startsAt, tz, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })}</span>
                          </>
                        ) : (
                          <span className="text-muted">No free time in the next four weeks</span>
                        )}
                      </p>
                      {d.nextFreeSlot && (
                        <ButtonLink href={`/patient/appointments/new?doctorId=${d.id}`} size="sm" aria-label={`Book with ${d.name}`}>
                          Book
                        </ButtonLink>
                      )}
                    </div>
                  </CardBody>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
