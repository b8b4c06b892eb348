import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { PAYMENT_LABELS, formatCents } from "@/lib/pharmacy/format";
import { listRecentSales } from "@/lib/pharmacy/sales/get-sale";
import { Counter } from "./counter";

export const metadata: Metadata = { title: "Counter" };

export default async function PharmacyCounter({ searchParams }: { searchParams: Promise<{ scan?: string }> }) {
  const pharmacist = await requirePermission("area:pharmacy");
  const { scan = "" } = await searchParams;
  const recent = await listRecentSales(pharmacist, 8);
  return (
    <>
      <PageHeader
        title="Counter"
        description="Scan an item to sell it over the counter."
        actions={<ButtonLink href="/pharmacy/dispense" variant="secondary" size="lg">Dispense a prescription</ButtonLink>}
      />
      <Counter initialScan={scan.slice(0, 100)} />
      <div className="mt-8">
        <Table caption="Latest sales">
          <THead>
            <TR>
              <TH>Sale</TH>
              <TH>Time</TH>
              <TH>Payment</TH>
              <TH numeric>Lines</TH>
              <TH numeric>Total</TH>
            </TR>
          </THead>
          <TBody>
            {recent.map((s) => (
              <TR key={s.id}>
                <TD>
                  <Link href={`/pharmacy/sales/${s.id}`} className="font-medium text-brand-700 underline underline-offset-4">
                    Sale {s.number}
                  </Link>
                </TD>
                <TD>{s.createdAt.toISOString().slice(0, 16).replace("T", " ")}</TD>
                <TD>{PAYMENT_LABELS[s.paymentMethod]}</TD>
                <TD numeric>{s._count.lines}</TD>
                <TD numeric>{formatCents(s.totalCents)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}
