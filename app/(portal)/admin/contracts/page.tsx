import type { Metadata } from "next";
import { Alert, Badge, Card, CardBody, CardHeader, EmptyState, PageHeader, StatusBadge, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { formatWhen } from "@/components/audit/chain-mark";
import { getAdminSafeOverview } from "@/lib/admin-safe/proposals";
import { requirePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/list-users";
import { ROLE_LABELS } from "@/lib/users/schemas";
import { ProposalButtons } from "./proposal-buttons";
import { ProposeForm } from "./propose-form";

export const metadata: Metadata = { title: "Contracts" };

const STATUS = { PENDING: "pending", EXECUTED: "confirmed", FAILED: "failed" } as const;

export default async function AdminContractsPage() {
  const admin = await requirePermission("area:admin");
  const [overview, users] = await Promise.all([getAdminSafeOverview(admin), listUsers(admin)]);
  const active = users.filter((u) => u.status === "ACTIVE");
  const ofRole = (role: string) => active.filter((u) => u.role === role).map((u) => ({ id: u.id, label: u.name ?? u.email }));
  const [doctors, pharmacists] = [ofRole("DOCTOR"), ofRole("PHARMACIST")];
  const people = active.map((u) => ({ id: u.id, label: `${u.name ?? u.email} (${ROLE_LABELS[u.role]})` }));
  const open = overview.proposals.find((p) => p.status === "PENDING");
  return (
    <>
      <PageHeader
        title="Contracts"
        description={`The app's contracts are owned by a ${overview.threshold}-of-${overview.owners.length} admin Safe: one administrator proposes a change, another confirms it, then it runs on chain.`}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Admin Safe" />
          <CardBody>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
              <dt className="font-medium text-muted">Address</dt>
              <dd className="font-mono text-sm break-all">{overview.safe}</dd>
              <dt className="font-medium text-muted">Signatures needed</dt>
              <dd>
                {overview.threshold} of {overview.owners.length} owners
              </dd>
              <dt className="font-medium text-muted">Your owner key</dt>
              <dd className="font-mono text-sm break-all">{overview.myOwner ?? "You hold no owner key: you can read, not sign."}</dd>
              <dt className="font-medium text-muted">Transactions executed</dt>
              <dd>{String(overview.nonce)}</dd>
            </dl>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Propose a change" description="You sign it now; it runs once another administrator confirms it." />
          <CardBody>
            {open ? (
              <Alert tone="info" title="A proposal is waiting">
                The Safe runs transactions one at a time, in order. Confirm or withdraw “{open.summary}” first.
              </Alert>
            ) : (
              <ProposeForm doctors={doctors} pharmacists={pharmacists} people={people} />
            )}
          </CardBody>
        </Card>

        {overview.proposals.length === 0 ? (
          <EmptyState title="No proposals yet" description="Changes proposed here appear with who signed them and their transaction." />
        ) : (
          <Table caption="Proposals, newest first">
            <THead>
              <TR>
                <TH>Change</TH>
                <TH>Proposed</TH>
                <TH>Signatures</TH>
                <TH>Status</TH>
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {overview.proposals.map((p) => (
                <TR key={p.id}>
                  <TD>
                    {p.summary}
                    {p.txHash && <span className="block font-mono text-xs text-muted break-all">tx {p.txHash}</span>}
                    {p.failureReason && <span className="block text-xs text-danger">{p.failureReason}</span>}
                  </TD>
                  <TD>
                    {p.proposedBy}
                    <span className="block text-xs text-muted">{formatWhen(p.createdAt)}</span>
                  </TD>
                  <TD>
                    {p.signers.length} of {overview.threshold}
                    <span className="block text-xs text-muted">{p.signers.map((s) => s.name).join(", ")}</span>
                  </TD>
                  <TD>
                    {p.status === "CANCELLED" ? (
                      <Badge>Withdrawn</Badge>
                    ) : (
                      <StatusBadge status={STATUS[p.status as keyof typeof STATUS]}>{p.status === "EXECUTED" ? "Executed" : undefined}</StatusBadge>
                    )}
                  </TD>
                  <TD>
                    {p.status === "PENDING" && (
                      <ProposalButtons
                        proposalId={p.id}
                        summary={p.summary}
                        canConfirm={overview.myOwner !== null && !p.signers.some((s) => s.id === admin.userId)}
                      />
                    )}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </>
  );
}
