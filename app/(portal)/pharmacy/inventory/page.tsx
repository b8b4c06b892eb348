import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Button, ButtonLink, EmptyState, FormField, Input, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { FORM_LABELS, formatCents, formatDay } from "@/lib/pharmacy/format";
import { listStock } from "@/lib/pharmacy/inventory/list-stock";

export const metadata: Metadata = { title: "Inventory" };

export default async function Inventory({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const pharmacist = await requirePermission("area:pharmacy");
  const { q = "", page = "0" } = await searchParams;
  const current = Math.max(0, Number.parseInt(page, 10) || 0);
  const { rows, total, pageSize } = await listStock(pharmacist, { query: q, page: current });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => `/pharmacy/inventory?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader
        title="Inventory"
        description="The catalogue with stock on hand; open an item for its lots, ledger and details."
        actions={<ButtonLink href="/pharmacy/inventory/new" variant="secondary" size="lg">New item</ButtonLink>}
      />
      <form role="search" className="mb-6 flex flex-wrap items-end gap-3" action="/pharmacy/inventory">
        <FormField label="Find an item" size="lg" className="min-w-72 flex-1">
          <Input name="q" defaultValue={q} placeholder="Name, generic name or strength" autoComplete="off" />
        </FormField>
        <Button type="submit" size="lg">Search</Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="No item matches" description="Try fewer or other words." />
      ) : (
        <Table caption={`${total} item${total === 1 ? "" : "s"}${q ? ` matching “${q}”` : ""}, page ${current + 1} of ${pages}`}>
          <THead>
            <TR>
              <TH>Item</TH>
              <TH>Form</TH>
              <TH>Barcode</TH>
              <TH numeric>Price</TH>
              <TH numeric>On hand</TH>
              <TH>Next expiry</TH>
              <TH>Status</TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((r) => (
              <TR key={r.id}>
                <TD>
                  <Link href={`/pharmacy/inventory/${r.id}`} className="font-medium text-brand-700 underline underline-offset-4">
                    {r.name}
                  </Link>{" "}
                  <span className="text-muted">{r.strength}</span>
                </TD>
                <TD>{FORM_LABELS[r.form as keyof typeof FORM_LABELS] ?? r.form}</TD>
                <TD className="font-mono">{r.barcode ?? "—"}</TD>
                <TD numeric>{formatCents(r.priceCents)}</TD>
                <TD numeric>{r.onHand}</TD>
                <TD>{r.nextExpiry ? formatDay(r.nextExpiry) : "—"}</TD>
                <TD className="space-x-1">
                  {r.onHand <= r.reorderLevel && <Badge tone="warning">Low</Badge>}
                  {r.expired > 0 && <Badge tone="danger">{r.expired} expired</Badge>}
                  {r.controlled && <Badge tone="info">Controlled</Badge>}
                  {r.otc && <Badge>OTC</Badge>}
                  {!r.active && <Badge tone="danger">Withdrawn</Badge>}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex gap-3">
          {current > 0 && <Link className="text-brand-700 underline underline-offset-4" href={link(current - 1)}>Previous page</Link>}
          {current + 1 < pages && <Link className="text-brand-700 underline underline-offset-4" href={link(current + 1)}>Next page</Link>}
        </nav>
      )}
    </>
  );
}
