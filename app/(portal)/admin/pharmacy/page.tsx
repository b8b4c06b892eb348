import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { getPharmacyReport } from "@/lib/pharmacy/reports/get-pharmacy-report";
import { PharmacyReportView, reportSummary } from "../../pharmacy/reports/pharmacy-report-view";

export const metadata: Metadata = { title: "Pharmacy" };

export default async function AdminPharmacyReport() {
  const admin = await requirePermission("area:admin");
  const report = await getPharmacyReport(admin, { days: 30 });
  return (
    <>
      <PageHeader title="Pharmacy" description={reportSummary(report)} />
      <PharmacyReportView report={report} linkItems={false} />
    </>
  );
}
