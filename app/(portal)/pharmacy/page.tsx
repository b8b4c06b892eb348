import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Counter" };

export default async function PharmacyCounter() {
  await requirePermission("area:pharmacy");
  return (
    <>
      <PageHeader title="Counter" description="Scan a prescription or an item to begin." />
      <EmptyState title="Nothing at the counter yet" description="Dispensing and counter sales open here." />
    </>
  );
}
