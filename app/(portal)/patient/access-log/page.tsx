import type { Metadata } from "next";
import { Badge, buttonClasses, EmptyState, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { ChainMark, formatWhen } from "@/components/audit/chain-mark";
import { listMyAccessLog } from "@/lib/audit/access-log";
import { requirePermission } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/users/schemas";

export const metadata: Metadata = { title: "Who accessed my record" };

const OUTCOME = { SUCCESS: { tone: "success", label: "Allowed" }, DENIED: { tone: "warning", label: "Refused" }, FAILURE: { tone: "danger", label: "Failed" } } as const;

export default async function AccessLogPage() {
  const user = await requirePermission("area:patient");
  const entries = await listMyAccessLog(user);
  return (
    <>
      <PageHeader
        title="Who accessed my record"
        description="Every time someone reads or changes your record, it is written here. Each entry is sealed into a batch whose fingerprint is anchored on the blockchain, so nobody can quietly change or remove it."
        actions={
          <a className={buttonClasses({ variant: "secondary", size: "sm" })} href="/api/fhir/AuditEvent" download="access-log.fhir.json">
            Download as FHIR
          </a>
        }
      />
      {entries.length === 0 ? (
        <EmptyState title="No one has accessed your record yet" description="When a clinician or the clinic reads or changes your record, you will see it here." />
      ) : (
        <Table caption={`The latest ${entries.length} accesses to your record, newest first`}>
          <THead>
            <TR>
              <TH>When</TH>
              <TH>Who</TH>
              <TH>What</TH>
              <TH>Purpose</TH>
              <TH>Outcome</TH>
              <TH>Blockchain</TH>
            </TR>
          </THead>
          <TBody>
            {entries.map((e) => (
              <TR key={e.id}>
                <TD className="whitespace-nowrap">{formatWhen(e.at)}</TD>
                <TD>
                  {e.actorId === user.userId ? "You" : (e.actorName ?? "The system")}
                  <span className="block text-xs text-muted">{ROLE_LABELS[e.actorRole as keyof typeof ROLE_LABELS] ?? "—"}</span>
                </TD>
                <TD>
                  {e.action} · {e.resourceType}
                </TD>
                <TD>{e.purpose}</TD>
                <TD>
                  <Badge tone={OUTCOME[e.outcome as keyof typeof OUTCOME]?.tone ?? "neutral"}>{OUTCOME[e.outcome as keyof typeof OUTCOME]?.label ?? e.outcome}</Badge>
                </TD>
                <TD>
                  <ChainMark entry={e} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
