import type { Metadata } from "next";
import { Button, Card, CardBody, CardHeader, PageHeader, roleLabel } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/auth/actions";
import { listMySessions } from "@/lib/auth/sessions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePermission("session:manage-own");
  const sessions = await listMySessions(user);
  return (
    <>
      <PageHeader title="Account" description={`${user.email} · ${roleLabel[user.role]}`} />
      <Card>
        <CardHeader
          title="Where you are signed in"
          description={`${sessions.length} active session${sessions.length === 1 ? "" : "s"}. A session ends by itself after a period without activity.`}
        />
        <CardBody>
          <ul className="mb-6 space-y-1 text-sm">
            {sessions.map((s) => (
              <li key={s.id}>
                Signed in {s.createdAt.toLocaleString("en-GB")} · last active {s.lastSeenAt.toLocaleString("en-GB")}
                {s.current && <strong> (this device)</strong>}
              </li>
            ))}
          </ul>
          <form action={signOutEverywhere}>
            <Button type="submit" variant="danger">
              Sign out everywhere
            </Button>
          </form>
        </CardBody>
      </Card>
    </>
  );
}
