import type { Metadata } from "next";
import { Badge, Card, CardBody, CardHeader, EmptyState, PageHeader, Table, TBody, TD, TH, THead, TR, roleLabel } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { getSponsorshipOverview } from "@/lib/sponsorship/get-sponsorship-overview";
import { RoleBudgetForm, UserBudgetForm } from "./budget-forms";

export const metadata: Metadata = { title: "Sponsorship" };

const gas = (n: bigint) => n.toLocaleString("en");

export default async function SponsorshipPage() {
  const admin = await requirePermission("sponsorship:manage");
  const overview = await getSponsorshipOverview(admin);
  const day = overview.day.toLocaleDateString("en-GB", { dateStyle: "long", timeZone: "UTC" });
  return (
    <>
      <PageHeader
        title="Sponsorship"
        description={`The network fees the clinic pays for its users' operations, and each user's daily budget. Today is ${day} (UTC).`}
      />
      <div className="space-y-6">
        <Table caption="Budgets and spending by role, today">
          <THead>
            <TR>
              <TH>Role</TH>
              <TH numeric>Spent today (gas)</TH>
              <TH numeric>Users today</TH>
              <TH>Daily budget per user</TH>
            </TR>
          </THead>
          <TBody>
            {overview.roles.map((r) => (
              <TR key={r.role}>
                <TD>{roleLabel[r.role]}</TD>
                <TD numeric>{gas(r.spentToday)}</TD>
                <TD numeric>{r.usersToday}</TD>
                <TD>
                  <RoleBudgetForm role={r.role} label={roleLabel[r.role]} dailyGas={r.dailyGas.toString()} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
        <Card>
          <CardHeader title="A budget for one user" description="Replaces the role's budget for this user. Spending counts per UTC day." />
          <CardBody>
            <UserBudgetForm />
          </CardBody>
        </Card>
        {overview.users.length === 0 ? (
          <EmptyState title="No sponsored operations today" description="Users with spending today or their own budget are listed here." />
        ) : (
          <Table caption="Users with spending today or their own budget">
            <THead>
              <TR>
                <TH>User</TH>
                <TH>Role</TH>
                <TH numeric>Operations</TH>
                <TH numeric>Spent today (gas)</TH>
                <TH numeric>Daily budget (gas)</TH>
              </TR>
            </THead>
            <TBody>
              {overview.users.map((u) => (
                <TR key={u.userId}>
                  <TD>
                    {u.name ?? "—"} <span className="block text-sm text-muted">{u.email}</span>
                  </TD>
                  <TD>{roleLabel[u.role]}</TD>
                  <TD numeric>{u.ops}</TD>
                  <TD numeric>{gas(u.spentToday)}</TD>
                  <TD numeric>
                    {gas(u.limit)} {u.override !== null && <Badge tone="info">own budget</Badge>}
                    {u.spentToday >= u.limit && <Badge tone="warning">used up</Badge>}
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
