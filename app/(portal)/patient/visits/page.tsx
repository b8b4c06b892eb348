import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { PrescriptionsSection, VisitsSection } from "../../doctor/visits/chart-sections";

export const metadata: Metadata = { title: "Visits and prescriptions" };

export default async function MyVisits() {
  const user = await requirePermission("area:patient");
  return (
    <>
      <PageHeader title="Visits and prescriptions" description="Your signed visit records and every prescription written for you." breadcrumbs={[{ label: "Home", href: "/patient" }, { label: "Visits" }]} />
      <div className="space-y-6">
        <VisitsSection user={user} patientId={user.userId} base="/patient/visits" />
        <PrescriptionsSection user={user} patientId={user.userId} />
      </div>
    </>
  );
}
