import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { getPharmacyReport } from "@/lib/pharmacy/reports/get-pharmacy-report";
import { PharmacyReportView, reportSummary } from "./pharmacy-report-view";

export const metadata: Metadata = { title: "Pharmacy reports" };

export default async function PharmacyReports() {
  const pharmacist = await requirePermission("area:pharmacy");
  const report = await getPharmacyReport(pharmacist, { days: 30 });
  return (
    <>
      <PageHeader title="Reports" description={reportSummary(report)} />
      <PharmacyReportView report={report} linkItems />
    </>
  );
}
