import type { Metadata } from "next";
import { Badge, Card, CardBody, CardHeader, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/list-users";
import { ROLE_LABELS } from "@/lib/users/schemas";
import { InviteForm } from "./invite-form";
import { StatusButton } from "./status-button";

export const metadata: Metadata = { title: "Users" };

const invitationTone = { none: "neutral", pending: "pending", accepted: "success", expired: "warning" } as const;

export default async function AdminUsers() {
  const admin = await requirePermission("area:admin");
  const users = await listUsers(admin);
  return (
    <>
      <PageHeader title="Users" description="Invite clinicians, pharmacy staff and administrators. Patients register themselves." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Invite a staff member" description="The role is fixed by the invitation. They sign in with the invited address within 7 days." />
          <CardBody>
            <InviteForm />
          </CardBody>
        </Card>
        <Table caption={`${users.length} accounts, newest first`}>
          <THead>
            <TR>
              <TH>Name</TH>
              <TH>Email</TH>
              <TH>Role</TH>
              <TH>Invitation</TH>
              <TH>Status</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {users.map((u) => (
              <TR key={u.id}>
                <TD>{u.name ?? "—"}</TD>
                <TD>{u.email}</TD>
                <TD>{ROLE_LABELS[u.role]}</TD>
                <TD>{u.invitation === "none" ? "—" : <Badge tone={invitationTone[u.invitation]}>{u.invitation}</Badge>}</TD>
                <TD>
                  <Badge tone={u.status === "ACTIVE" ? "success" : "danger"}>{u.status === "ACTIVE" ? "Active" : "Disabled"}</Badge>
                </TD>
                <TD>{u.id !== admin.userId && <StatusButton userId={u.id} disabled={u.status === "DISABLED"} label={u.name ?? u.email} />}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}
