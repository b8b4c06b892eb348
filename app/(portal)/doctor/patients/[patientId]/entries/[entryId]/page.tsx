import type { Metadata } from "next";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui";
import { ClinicalEntryForm } from "@/components/records/clinical-entry-form";
import { EntryDetails } from "@/components/records/entry-details";
import { formatDay } from "@/components/records/format";
import { notFoundOnMissing } from "@/components/records/not-found";
import { requirePermission } from "@/lib/auth/session";
import { getClinicalEntry } from "@/lib/records/get-clinical-entry";

export const metadata: Metadata = { title: "Chart entry" };

export default async function ChartEntry({ params }: { params: Promise<{ patientId: string; entryId: string }> }) {
  const user = await requirePermission("area:doctor");
  const { patientId, entryId } = await params;
  const { entry, revisions } = await notFoundOnMissing(getClinicalEntry(user, { patientId, entryId }));
  const day = (d: Date | null) => (d ? formatDay(d) : "");
  return (
    <>
      <PageHeader
        title={entry.display}
        breadcrumbs={[{ label: "Today", href: "/doctor" }, { label: "Chart", href: `/doctor/patients/${patientId}` }, { label: entry.display }]}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Correct this entry" description="The version you replace is kept in the history below." />
          <CardBody>
            <ClinicalEntryForm
              patientId={patientId}
              values={{
                entryId: entry.id,
                version: entry.version,
                codeSystem: entry.codeSystem ?? "",
                code: entry.code ?? "",
                display: entry.display,
                status: entry.status ?? "",
                occurredAt: day(entry.occurredAt),
                endedAt: day(entry.endedAt),
                note: entry.note ?? "",
                relationship: typeof entry.details?.relationship === "string" ? entry.details.relationship : "",
              }}
            />
          </CardBody>
        </Card>
        <EntryDetails entry={entry} revisions={revisions} />
      </div>
    </>
  );
}
