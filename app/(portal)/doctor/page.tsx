import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Today" };

export default async function DoctorToday() {
  const user = await requirePermission("area:doctor");
  const today = new Date().toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long" });
  return (
    <>
      <PageHeader title="Today" description={`${today} · ${user.name ?? ""}`} />
      <EmptyState title="No appointments today" description="Booked appointments appear here, in time order, with check-in and visit actions." />
    </>
  );
}
