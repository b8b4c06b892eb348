import type { Metadata } from "next";
import { ButtonLink, Card, CardBody, PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { countUsersByRole } from "@/lib/users/count-users";
import { ROLE_LABELS } from "@/lib/users/schemas";

export const metadata: Metadata = { title: "Overview" };

export default async function AdminOverview() {
  const user = await requirePermission("area:admin");
  const counts = await countUsersByRole(user);
  return (
    <>
      <PageHeader title="Overview" description="The clinic at a glance." actions={<ButtonLink href="/admin/users">Invite staff</ButtonLink>} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Active accounts by role">
        {(Object.keys(counts) as (keyof typeof counts)[]).map((role) => (
          <li key={role}>
            <Card>
              <CardBody>
                <p className="text-sm text-muted">{ROLE_LABELS[role]}s</p>
                <p className="text-3xl font-semibold tabular-nums">{counts[role]}</p>
              </CardBody>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
