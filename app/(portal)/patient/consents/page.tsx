import type { Metadata } from "next";
import { Badge, Card, CardBody, CardHeader, EmptyState, PageHeader, StatusBadge, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { listDoctorsForConsent } from "@/lib/consent/list-doctors";
import { listMyConsents } from "@/lib/consent/list-consents";
import { SCOPE_LABELS, type Scope } from "@/lib/consent/scopes";
import { AutoRefresh } from "./auto-refresh";
import { GrantForm } from "./grant-form";
import { RevokeButton } from "./revoke-button";

export const metadata: Metadata = { title: "Who may see my record" };

const day = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export default async function ConsentsPage() {
  const user = await requirePermission("area:patient");
  const [doctors, consents] = await Promise.all([listDoctorsForConsent(user), listMyConsents(user)]);
  const pending = consents.some((c) => c.chainStatus === "pending");
  return (
    <>
      <PageHeader
        title="Who may see my record"
        description="Doctors see your record only with your consent. Each grant and revocation is recorded on the blockchain from your own wallet; a revocation works in the portal at once."
      />
      <AutoRefresh active={pending} />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Grant a doctor access" description="All of your record, or one part of it, until a day you choose." />
          <CardBody>
            <GrantForm doctors={doctors} defaultUntil={isoDay(Date.now() + 90 * 86_400_000)} minUntil={isoDay(Date.now())} />
          </CardBody>
        </Card>
        {consents.length === 0 ? (
          <EmptyState title="No one has access yet" description="When you grant a doctor access, it appears here with its record on the blockchain." />
        ) : (
          <Table caption="Your consents: current ones first, then revoked ones">
            <THead>
              <TR>
                <TH>Doctor</TH>
                <TH>May see</TH>
                <TH>Until</TH>
                <TH>Status</TH>
                <TH>Blockchain</TH>
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {consents.map((c) => (
                <TR key={c.id}>
                  <TD>
                    {c.doctorName}
                    {c.specialty && <span className="block text-xs text-muted">{c.specialty}</span>}
                  </TD>
                  <TD>{SCOPE_LABELS[c.scope as Scope] ?? c.scope}</TD>
                  <TD className="whitespace-nowrap">{day(c.expiresAt)}</TD>
                  <TD>
                    {c.revokedAt ? <Badge>Revoked</Badge> : c.expired ? <Badge tone="warning">Expired</Badge> : <Badge tone="success">Active</Badge>}
                    {c.source === "CHAIN" && <span className="block text-xs text-muted">granted outside the portal</span>}
                  </TD>
                  <TD>
                    <StatusBadge status={c.chainStatus} />
                    {c.txHash && (
                      <span className="block font-mono text-xs text-muted" title={c.txHash}>
                        tx {c.txHash.slice(0, 10)}…{c.txHash.slice(-6)}
                      </span>
                    )}
                  </TD>
                  <TD>{!c.revokedAt && !c.expired && <RevokeButton consentId={c.id} label={`${c.doctorName} (${SCOPE_LABELS[c.scope as Scope] ?? c.scope})`} />}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </>
  );
}
