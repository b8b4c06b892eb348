import type { Metadata } from "next";
import { Alert, Card, CardBody, CardHeader, EmptyState, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { ChainMark, formatWhen } from "@/components/audit/chain-mark";
import { reviewAuditTrail } from "@/lib/audit/review";
import { requirePermission } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/users/schemas";

export const metadata: Metadata = { title: "Audit trail" };

const short = (hex: string) => `${hex.slice(0, 10)}…${hex.slice(-6)}`;

export default async function AdminAuditPage() {
  const admin = await requirePermission("area:admin");
  const review = await reviewAuditTrail(admin);
  const { tamperCheck } = review;
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every access to health data, hash-chained in the database and anchored on chain in Merkle batches."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Tamper check" description="Recomputes the hash of every row and its link to the previous one." />
          <CardBody>
            {tamperCheck.ok ? (
              <Alert tone="success" title="The audit trail is intact">
                All {tamperCheck.rows.toLocaleString("en-GB")} rows hash correctly and link to their predecessors. Anchored on chain up to event{" "}
                {String(review.anchoredUpTo)} of {review.total.toLocaleString("en-GB")}.
              </Alert>
            ) : (
              <Alert tone="danger" title={`Row ${String(tamperCheck.seq)} has been tampered with`}>
                Event {String(tamperCheck.seq)}: {tamperCheck.problem}. Every later row depends on it.
              </Alert>
            )}
          </CardBody>
        </Card>

        <section aria-labelledby="batches-heading" className="space-y-3">
          <h2 id="batches-heading" className="text-lg font-semibold">
            Anchored batches
          </h2>
          {review.batches.length === 0 ? (
            <EmptyState headingLevel={3} title="Nothing anchored yet" description="The worker anchors new events every few seconds." />
          ) : (
            <Table caption="The latest anchored batches" captionHidden>
              <THead>
                <TR>
                  <TH numeric>Batch</TH>
                  <TH>Events</TH>
                  <TH>Merkle root</TH>
                  <TH>Transaction</TH>
                  <TH numeric>Gas per event</TH>
                  <TH>Anchored</TH>
                </TR>
              </THead>
              <TBody>
                {review.batches.map((b) => (
                  <TR key={`${b.chainId}-${String(b.batch)}-${b.txHash}`}>
                    <TD numeric>{String(b.batch)}</TD>
                    <TD>
                      {String(b.firstSeq)}–{String(b.lastSeq)} ({b.eventCount})
                    </TD>
                    <TD className="font-mono text-xs">{short(b.root)}</TD>
                    <TD className="font-mono text-xs">{short(b.txHash)}</TD>
                    <TD numeric>{b.gasUsed === null ? "—" : Math.round(Number(b.gasUsed) / b.eventCount).toLocaleString("en-GB")}</TD>
                    <TD className="whitespace-nowrap">{formatWhen(b.anchoredAt)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </section>

        <section aria-labelledby="events-heading" className="space-y-3">
          <h2 id="events-heading" className="text-lg font-semibold">
            Latest events
          </h2>
          <Table caption="The latest audit events, newest first" captionHidden>
            <THead>
              <TR>
                <TH numeric>#</TH>
                <TH>When</TH>
                <TH>Who</TH>
                <TH>What</TH>
                <TH>Purpose</TH>
                <TH>Outcome</TH>
                <TH>Blockchain</TH>
              </TR>
            </THead>
            <TBody>
              {review.events.map((e) => (
                <TR key={e.id}>
                  <TD numeric>{String(e.seq)}</TD>
                  <TD className="whitespace-nowrap">{formatWhen(e.at)}</TD>
                  <TD>
                    {e.actorName ?? (e.actorId ? "Unknown user" : "Anonymous")}
                    <span className="block text-xs text-muted">{ROLE_LABELS[e.actorRole as keyof typeof ROLE_LABELS] ?? e.actorRole}</span>
                  </TD>
                  <TD>
                    {e.action} · {e.resourceType}
                  </TD>
                  <TD>{e.purpose}</TD>
                  <TD>{e.outcome.toLowerCase()}</TD>
                  <TD>
                    <ChainMark entry={e} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </section>
      </div>
    </>
  );
}
