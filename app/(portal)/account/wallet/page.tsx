import type { Metadata } from "next";
import { Alert, Card, CardBody, CardHeader, EmptyState, PageHeader, StatusBadge, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { BUDGET_USED_UP } from "@/lib/sponsorship/policy";
import { getMyWallet, type WalletOperation } from "@/lib/wallets/get-my-wallet";
import { RefreshWhilePending } from "./refresh-while-pending";

export const metadata: Metadata = { title: "Wallet" };

const KIND_LABELS: Record<string, string> = {
  "consent.grant": "Consent granted",
  "consent.revoke": "Consent revoked",
  "consent.break-glass": "Emergency access recorded",
  "token.transfer": "Token payment",
  "prescription.issue": "Prescription issued",
  "prescription.dispense": "Prescription dispensed",
};

const gas = (n: bigint) => n.toLocaleString("en");
const when = (d: Date) => d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

export default async function WalletPage() {
  const user = await requirePermission("wallet:read-own");
  const wallet = await getMyWallet(user);
  const usedPercent = wallet.budget.limit === 0n ? 100 : Number((wallet.budget.spent * 100n) / wallet.budget.limit);
  return (
    <>
      <PageHeader
        title="Wallet"
        description="Your smart-account wallet on the CareChain network. The clinic pays the network fees: you never need ETH."
        breadcrumbs={[{ label: "Account", href: "/account" }, { label: "Wallet" }]}
      />
      <RefreshWhilePending pending={wallet.pending} />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Your account"
            description={wallet.deployed ? "Active on chain." : "Reserved for you. It is created on chain by your first operation, at no cost to you."}
          />
          <CardBody>
            <dl className="grid gap-4 text-sm sm:grid-cols-3">
              <div className="sm:col-span-3">
                <dt className="font-medium text-muted">Address</dt>
                <dd className="mt-1 font-mono break-all text-ink" data-testid="wallet-address">
                  {wallet.address}
                </dd>
              </div>
              <div>
                <dt className="font-medium text-muted">CARE tokens</dt>
                <dd className="mt-1 text-lg font-semibold text-ink tabular-nums">{wallet.balances?.care ?? "—"}</dd>
              </div>
              <div>
                <dt className="font-medium text-muted">ETH</dt>
                <dd className="mt-1 text-lg font-semibold text-ink tabular-nums">{wallet.balances?.eth ?? "—"}</dd>
              </div>
              <div>
                <dt className="font-medium text-muted">Sponsored gas today</dt>
                <dd className="mt-1 text-ink tabular-nums">
                  {gas(wallet.budget.spent)} of {gas(wallet.budget.limit)} ({Math.min(100, usedPercent)}%)
                </dd>
              </div>
            </dl>
            {wallet.balances === null && (
              <Alert tone="warning" className="mt-4" title="The network cannot be reached right now">
                Balances show again when it is back. Your operations are kept and sent as soon as possible.
              </Alert>
            )}
          </CardBody>
        </Card>
        {wallet.operations.length === 0 ? (
          <EmptyState
            title="No operations yet"
            description="When you grant or revoke access to your record, or pay with tokens, the operation appears here with its status."
          />
        ) : (
          <Table caption="Your operations, newest first">
            <THead>
              <TR>
                <TH>Operation</TH>
                <TH>Requested</TH>
                <TH>Status</TH>
                <TH>Details</TH>
              </TR>
            </THead>
            <TBody>
              {wallet.operations.map((op) => (
                <TR key={op.id}>
                  <TD>{KIND_LABELS[op.kind] ?? op.kind}</TD>
                  <TD>{when(op.createdAt)}</TD>
                  <TD>
                    <StatusBadge status={op.status} />
                  </TD>
                  <TD className="max-w-md text-sm">
                    <OperationDetail op={op} />
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

function OperationDetail({ op }: { op: WalletOperation }) {
  if (op.status === "confirmed") {
    return (
      <span>
        Transaction <span className="font-mono break-all">{op.txHash}</span>
      </span>
    );
  }
  if (op.status === "failed") return <span>{op.detail ?? "Failed."}</span>;
  if (!op.detail) return <span className="text-muted">Being sent to the network…</span>;
  return (
    <span className="text-muted">
      {op.detail.includes(BUDGET_USED_UP)
        ? "Today's sponsored gas is used up: it is sent when tomorrow's budget starts."
        : "The network has not taken it yet; it is retried automatically."}
    </span>
  );
}
