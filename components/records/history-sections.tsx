import Link from "next/link";
import { Badge, Card, CardBody, CardHeader, EmptyState, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import type { HistorySection } from "@/lib/records/get-medical-history";
import type { HistoryEntry } from "@/lib/records/entries";
import { KIND_LABELS } from "@/lib/records/schemas";
import { formatCode, formatDay } from "./format";

const SECTION_TITLES: Record<HistorySection["kind"], string> = {
  ALLERGY: "Allergies",
  CONDITION: "Conditions",
  MEDICATION: "Medications",
  IMMUNIZATION: "Immunizations",
  FAMILY_HISTORY: "Family history",
  PROCEDURE: "Procedures",
  OBSERVATION: "Observations and vitals",
  DIAGNOSTIC_REPORT: "Diagnostic reports",
  ENCOUNTER: "Encounters",
};

function valueOf(e: HistoryEntry): string {
  if (e.valueNumber !== null) return `${Number(e.valueNumber.toFixed(2))} ${e.valueUnit ?? ""}`.trim();
  if (e.valueText) return e.valueText;
  const components = (e.details?.components ?? null) as { display: string; value: number | null; unit: string | null }[] | null;
  if (components?.length) return components.map((c) => `${c.display}: ${c.value ?? "—"} ${c.unit ?? ""}`.trim()).join("; ");
  return "";
}

/**
 * A patient's history, one card per section, as the patient or a clinician sees it. `entryHref` makes each name a
 * link to the entry and its history; sections outside a clinician's consent say so instead of showing nothing.
 */
export function HistorySections({ sections, entryHref }: { sections: HistorySection[]; entryHref: (id: string) => string }) {
  return (
    <div className="space-y-6">
      {sections.map((section) => (
        <Card key={section.kind}>
          <CardHeader
            title={SECTION_TITLES[section.kind]}
            description={
              !section.allowed
                ? "Not shared with you: the patient has not consented to this part of the record."
                : section.total > section.entries.length
                  ? `The newest ${section.entries.length} of ${section.total}.`
                  : undefined
            }
            actions={section.allowed ? <Badge>{section.total} recorded</Badge> : <Badge tone="warning">No consent</Badge>}
          />
          {section.allowed && (
            <CardBody>
              {section.entries.length === 0 ? (
                <EmptyState headingLevel={3} title={`No ${SECTION_TITLES[section.kind].toLowerCase()} recorded`} description="Entries appear here when a clinician adds them or a FHIR bundle is imported." />
              ) : (
                <Table caption={SECTION_TITLES[section.kind]} captionHidden>
                  <THead>
                    <TR>
                      <TH>{KIND_LABELS[section.kind]}</TH>
                      <TH>Code</TH>
                      <TH>Date</TH>
                      {section.kind === "OBSERVATION" ? <TH>Value</TH> : <TH>Status</TH>}
                    </TR>
                  </THead>
                  <TBody>
                    {section.entries.map((e) => (
                      <TR key={e.id}>
                        <TD>
                          <Link href={entryHref(e.id)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                            {e.display}
                          </Link>
                          {e.version > 1 && <span className="ml-2 text-xs text-muted">(edited, v{e.version})</span>}
                        </TD>
                        <TD className="whitespace-nowrap">{formatCode(e.codeSystem, e.code)}</TD>
                        <TD className="whitespace-nowrap">
                          {formatDay(e.occurredAt)}
                          {e.endedAt && ` → ${formatDay(e.endedAt)}`}
                        </TD>
                        <TD>{section.kind === "OBSERVATION" ? valueOf(e) : (e.status ?? "—")}</TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
              )}
            </CardBody>
          )}
        </Card>
      ))}
    </div>
  );
}
