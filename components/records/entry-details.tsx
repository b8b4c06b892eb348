import { Card, CardBody, CardHeader, EmptyState } from "@/components/ui";
import type { HistoryEntry } from "@/lib/records/entries";
import type { Revision } from "@/lib/records/revisions";
import { KIND_LABELS } from "@/lib/records/schemas";
import { formatCode, formatDateTime, formatDay } from "./format";

function Rows({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-muted">{label}</dt>
          <dd className="whitespace-pre-line">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One entry as it is now, then each earlier state: who changed it, when, and what it said before. */
export function EntryDetails({ entry, revisions }: { entry: HistoryEntry; revisions: Revision[] }) {
  const details = entry.details ?? {};
  const rows: [string, string][] = [
    ["Kind", KIND_LABELS[entry.kind]],
    ["Name", entry.display],
    ["Code", formatCode(entry.codeSystem, entry.code)],
    ["Date", formatDay(entry.occurredAt)],
    ...(entry.endedAt ? ([["Ended", formatDay(entry.endedAt)]] as [string, string][]) : []),
    ["Status", entry.status ?? "—"],
    ...(entry.valueNumber !== null || entry.valueText ? ([["Value", entry.valueText ?? `${entry.valueNumber} ${entry.valueUnit ?? ""}`]] as [string, string][]) : []),
    ...(typeof details.relationship === "string" ? ([["Relationship", details.relationship]] as [string, string][]) : []),
    ...(Array.isArray(details.dosage) ? ([["Dosage", (details.dosage as string[]).join("\n")]] as [string, string][]) : []),
    ["Note", entry.note ?? "—"],
    ["Source", entry.source === "FHIR_IMPORT" ? "Imported from a FHIR bundle" : "Entered by a clinician"],
    ["Version", `${entry.version} (last changed ${formatDateTime(entry.updatedAt)})`],
  ];
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Current version" />
        <CardBody>
          <Rows rows={rows} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="History" description="Every earlier version is kept: who changed it, when, and what it said before." />
        <CardBody>
          {revisions.length === 0 ? (
            <EmptyState headingLevel={3} title="Never changed" description="This entry is as it was first recorded." />
          ) : (
            <ol className="space-y-4">
              {revisions.map((r) => (
                <li key={r.id} className="rounded-lg border border-line p-4">
                  <h3 className="mb-2 font-semibold">
                    Version {r.version}, replaced {formatDateTime(r.changedAt)} by {r.changedBy}
                  </h3>
                  <Rows
                    rows={[
                      ["Name", String(r.before.display ?? "—")],
                      ["Code", formatCode((r.before.codeSystem as string) ?? null, (r.before.code as string) ?? null)],
                      ["Date", r.before.occurredAt ? String(r.before.occurredAt).slice(0, 10) : "—"],
                      ["Status", String(r.before.status ?? "—")],
                      ["Note", String(r.before.note ?? "—")],
                    ]}
                  />
                </li>
              ))}
            </ol>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
