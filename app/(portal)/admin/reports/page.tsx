import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink, Card, CardBody, CardHeader, EmptyState, PageHeader, Table, TBody, TD, TH, THead, TR, buttonClasses } from "@/components/ui";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { requirePermission } from "@/lib/auth/session";
import { formatCents } from "@/lib/pharmacy/format";
import { getClinicReport } from "@/lib/reports/get-clinic-report";
import { clinicReportSchema, REPORT_PERIODS } from "@/lib/reports/schemas";
import { clinicTimeZone } from "@/lib/scheduling/availability";

export const metadata: Metadata = { title: "Clinic report" };

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const rate = (r: number | null) => (r === null ? "—" : percent.format(r));
/** 2026-11-26 → "26 Nov": a calendar day, so read in UTC whatever the server's zone. */
const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const longDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export default async function ClinicReportPage({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  const admin = await requirePermission("reports:view");
  const parsed = clinicReportSchema.safeParse({ days: (await searchParams).days });
  const report = await getClinicReport(admin, { days: parsed.success ? parsed.data.days : 30 });
  const { totals, prescriptions, breakGlass } = report;
  const zone = clinicTimeZone().replace(/_/g, " ");
  return (
    <>
      <PageHeader
        title="Clinic report"
        description={`The last ${report.days} days, ${longDay(report.firstDay)} to ${longDay(report.lastDay)} (clinic days, ${zone}), today included. Counts only: no patient appears here.`}
        actions={
          <nav aria-label="Period">
            <ul className="flex gap-2">
              {REPORT_PERIODS.map((days) => (
                <li key={days}>
                  <Link
                    href={`/admin/reports?days=${days}`}
                    aria-current={days === report.days ? "page" : undefined}
                    className={buttonClasses({ variant: days === report.days ? "primary" : "secondary", size: "sm" })}
                  >
                    {days} days
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        }
      />
      <div className="space-y-6">
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-3">
          <Figure label="Appointments" value={String(totals.appointments)} />
          <Figure label="Completed" value={String(totals.completed)} />
          <Figure label="No-show rate" value={rate(totals.noShowRate)} note={`${totals.noShows} missed`} />
          <Figure label="Cancelled" value={String(totals.cancelled)} />
          <Figure label="Prescriptions signed" value={String(prescriptions.signed)} />
          <Figure label="Revenue (estimate)" value={formatCents(totals.revenueCents)} note="from fees" />
        </dl>

        <div className="grid gap-6 xl:grid-cols-2">
          <Card>
            <CardBody>
              <StackedBarChart
                title="Appointments per day, by outcome"
                series={[
                  { label: "Completed", tone: "success" },
                  { label: "Booked or in progress", tone: "info" },
                  { label: "No-show", tone: "danger" },
                  { label: "Cancelled", tone: "neutral" },
                ]}
                bars={report.perDay.map((d) => ({ label: dayLabel(d.day), values: [d.completed, d.booked, d.noShow, d.cancelled] }))}
              />
            </CardBody>
          </Card>
          <Card>
            <CardBody>
              <StackedBarChart
                title="Prescriptions signed per day"
                series={[{ label: "Prescriptions", tone: "brand" }]}
                bars={report.perDay.map((d) => ({ label: dayLabel(d.day), values: [d.prescriptions] }))}
              />
            </CardBody>
          </Card>
        </div>

        <section aria-labelledby="per-doctor" className="space-y-3">
          <div>
            <h2 id="per-doctor" className="text-lg font-semibold text-ink">Per doctor</h2>
            <p className="max-w-3xl text-sm text-muted">
              The no-show rate counts no-shows out of the appointments that were attended or missed. Revenue is an estimate: completed
              appointments × the doctor&apos;s consultation fee as it is today, not money received.
            </p>
          </div>
          {report.perDoctor.length === 0 ? (
            <EmptyState headingLevel={3} title="No doctors yet" description="Doctors appear here once they have a profile or appointments in the period." />
          ) : (
            <Table caption={`Per doctor, the last ${report.days} days, by appointments`} captionHidden>
              <THead>
                <TR>
                  <TH>Doctor</TH>
                  {["Appointments", "Completed", "No-shows", "No-show rate", "Cancelled", "Visits signed", "Revenue (estimate)"].map((heading) => (
                    <TH key={heading} numeric>
                      <span className="whitespace-normal">{heading}</span>
                    </TH>
                  ))}
                </TR>
              </THead>
              <TBody>
                {report.perDoctor.map((d) => (
                  <TR key={d.doctorId}>
                    <TH scope="row">
                      <span className="block text-sm font-medium tracking-normal text-ink normal-case">{d.name}</span>
                      <span className="block text-xs font-normal tracking-normal normal-case">
                        {d.specialty ?? "No profile"}, fee {formatCents(d.feeCents)}
                      </span>
                    </TH>
                    <TD numeric>{d.appointments}</TD>
                    <TD numeric>{d.completed}</TD>
                    <TD numeric>{d.noShows}</TD>
                    <TD numeric>{rate(d.noShowRate)}</TD>
                    <TD numeric>{d.cancellations}</TD>
                    <TD numeric>{d.visitsSigned}</TD>
                    <TD numeric>{formatCents(d.revenueCents)}</TD>
                  </TR>
                ))}
                <TR className="bg-canvas font-semibold">
                  <TH scope="row">
                    <span className="text-sm tracking-normal text-ink normal-case">All doctors</span>
                  </TH>
                  <TD numeric>{totals.appointments}</TD>
                  <TD numeric>{totals.completed}</TD>
                  <TD numeric>{totals.noShows}</TD>
                  <TD numeric>{rate(totals.noShowRate)}</TD>
                  <TD numeric>{totals.cancelled}</TD>
                  <TD numeric>{totals.visitsSigned}</TD>
                  <TD numeric>{formatCents(totals.revenueCents)}</TD>
                </TR>
              </TBody>
            </Table>
          )}
        </section>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader title="Prescriptions" description="Signed in the period, and how far they have been dispensed. Fully: every fill, refills included, handed over whole." />
            <CardBody className="space-y-6">
              <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
                <Figure label="Fully dispensed" value={String(prescriptions.fully)} plain />
                <Figure label="Partly" value={String(prescriptions.partly)} plain />
                <Figure label="Not yet" value={String(prescriptions.notYet)} plain />
                <Figure label="Cancelled" value={String(prescriptions.cancelled)} plain />
              </dl>
              {prescriptions.topDrugs.length === 0 ? (
                <EmptyState headingLevel={3} title="No prescriptions in this period" description="The most prescribed drugs are listed here." />
              ) : (
                <Table caption="Most prescribed drugs">
                  <THead>
                    <TR>
                      <TH>Drug</TH>
                      <TH numeric>Prescriptions</TH>
                    </TR>
                  </THead>
                  <TBody>
                    {prescriptions.topDrugs.map((d) => (
                      <TR key={d.drugId}>
                        <TD>{d.name}</TD>
                        <TD numeric>{d.prescriptions}</TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Emergency access"
              description="Charts opened without consent (break-glass). Each opening needs an administrator's review."
              actions={
                <ButtonLink href="/admin/break-glass" variant="secondary" size="sm">
                  Review emergency access
                </ButtonLink>
              }
            />
            <CardBody>
              <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
                <Figure label="Opened in the period" value={String(breakGlass.opened)} plain />
                <Figure label="Of those, awaiting review" value={String(breakGlass.awaitingReview)} plain />
                <Figure label="Awaiting review, all time" value={String(breakGlass.awaitingReviewAll)} plain />
              </dl>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}

/** One headline figure of a <dl>: in a card of its own, or `plain` inside one. */
function Figure({ label, value, note, plain = false }: { label: string; value: string; note?: string; plain?: boolean }) {
  return (
    <div className={plain ? "" : "rounded-xl border border-line bg-surface p-4"}>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-xl font-semibold break-words text-ink tabular-nums sm:text-2xl">
        {value}
        {note && <span className="block text-sm font-normal text-muted">{note}</span>}
      </dd>
    </div>
  );
}
