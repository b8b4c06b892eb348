import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { EntryDetails } from "@/components/records/entry-details";
import { requirePermission } from "@/lib/auth/session";
import { getClinicalEntry } from "@/lib/records/get-clinical-entry";
import { notFoundOnMissing } from "@/components/records/not-found";

export const metadata: Metadata = { title: "Record entry" };

export default async function PatientRecordEntry({ params }: { params: Promise<{ entryId: string }> }) {
  const user = await requirePermission("area:patient");
  const { entryId } = await params;
  const { entry, revisions } = await notFoundOnMissing(getClinicalEntry(user, { patientId: user.userId, entryId }));
  return (
    <>
      <PageHeader title={entry.display} breadcrumbs={[{ label: "Home", href: "/patient" }, { label: "Medical history", href: "/patient/records" }, { label: entry.display }]} />
      <EntryDetails entry={entry} revisions={revisions} />
    </>
  );
}
