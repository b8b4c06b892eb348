import Link from "next/link";
import { Card, CardBody, CardHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { formatCents, formatDay } from "@/lib/pharmacy/format";
import type { PharmacyReport } from "@/lib/pharmacy/reports/get-pharmacy-report";

/** The pharmacy's figures, for the pharmacy's own page and the admin's. Items link to their stock when `linkItems`. */
export function PharmacyReportView({ report, linkItems }: { report: PharmacyReport; linkItems: boolean }) {
  const short = (day: string) => day.slice(5);
  return (
    <>
      {/* Two columns only where the money figures and the expiry table fit side by side (not at 1024 px). */}
      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardBody>
            <StackedBarChart
              title="Counter sales per day (takings)"
              series={[{ label: "Takings", tone: "brand" }]}
              bars={report.perDay.map((d) => ({ label: short(d.day), values: [d.salesCents] }))}
              format={formatCents}
            />
          </CardBody>
        </Card>
        <Card>
          <CardBody>
            <StackedBarChart
              title="Units dispensed per day"
              series={[{ label: "Units dispensed", tone: "brand" }]}
              bars={report.perDay.map((d) => ({ label: short(d.day), values: [d.unitsDispensed] }))}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Stock value" />
          <CardBody>
            <dl className="grid grid-cols-[repeat(auto-fit,minmax(11rem,1fr))] gap-4 text-base">
              <div><dt className="text-muted">At cost</dt><dd className="text-2xl font-semibold tabular-nums">{formatCents(report.stockValue.costCents)}</dd></div>
              <div><dt className="text-muted">At retail price</dt><dd className="text-2xl font-semibold tabular-nums">{formatCents(report.stockValue.retailCents)}</dd></div>
              <div><dt className="text-muted">Units on the shelf</dt><dd className="text-xl tabular-nums">{report.stockValue.units}</dd></div>
              <div><dt className="text-muted">Lots</dt><dd className="text-xl tabular-nums">{report.stockValue.lots}</dd></div>
            </dl>
          </CardBody>
        </Card>
        <Table caption="Expiring in the next 90 days, by month">
          <THead>
            <TR><TH>Month</TH><TH numeric>Lots</TH><TH numeric>Units</TH><TH numeric>Value at cost</TH></TR>
          </THead>
          <TBody>
            {report.expiries.map((e) => (
              <TR key={e.month}><TD>{e.month}</TD><TD numeric>{e.lots}</TD><TD numeric>{e.units}</TD><TD numeric>{formatCents(e.costCents)}</TD></TR>
            ))}
          </TBody>
        </Table>
      </div>
      <div className="mt-6">
        <Table caption={`Slow movers: stock not sold or dispensed for ${report.slowMoverDays} days, by value`}>
          <THead>
            <TR><TH>Item</TH><TH numeric>On hand</TH><TH numeric>Value at cost</TH><TH>Last sold or dispensed</TH></TR>
          </THead>
          <TBody>
            {report.slowMovers.map((s) => (
              <TR key={s.drugId}>
                <TD>{linkItems ? <Link href={`/pharmacy/inventory/${s.drugId}`} className="text-brand-700 underline underline-offset-4">{s.name}</Link> : s.name} <span className="text-muted">{s.strength}</span></TD>
                <TD numeric>{s.onHand}</TD>
                <TD numeric>{formatCents(s.stockValueCents)}</TD>
                <TD>{s.lastMovedOut ? formatDay(s.lastMovedOut) : "never"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}

export function reportSummary(report: PharmacyReport): string {
  const totals = report.perDay.reduce((t, d) => ({ sales: t.sales + d.sales, cents: t.cents + d.salesCents, dispensed: t.dispensed + d.unitsDispensed }), { sales: 0, cents: 0, dispensed: 0 });
  return `The last ${report.days} days: ${totals.sales} sales for ${formatCents(totals.cents)}, ${totals.dispensed} units dispensed.`;
}
