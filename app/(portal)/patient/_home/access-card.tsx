import { ButtonLink, Card, CardBody, CardHeader } from "@/components/ui";
import type { CurrentUser } from "@/lib/auth/session";
import { listMyConsents } from "@/lib/consent/list-consents";

/** Who may see the record (the consent domain's list) and where to see who did. */
export async function AccessCard({ user }: { user: CurrentUser }) {
  const consents = await listMyConsents(user);
  const live = consents.filter((c) => !c.revokedAt && !c.expired);
  const doctors = [...new Set(live.map((c) => c.doctorName))];
  return (
    <Card>
      <CardHeader title="Who may see your record" />
      <CardBody className="space-y-3">
        <p>
          {live.length === 0
            ? "No clinician has access to your record right now."
            : `${doctors.length === 1 ? doctors[0] : `${doctors.length} clinicians`} ${doctors.length === 1 ? "has" : "have"} access (${live.length} active consent${live.length === 1 ? "" : "s"}).`}
        </p>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href="/patient/consents" variant="secondary" size="sm">
            Manage consent
          </ButtonLink>
          <ButtonLink href="/patient/access-log" variant="ghost" size="sm">
            Who accessed my record
          </ButtonLink>
        </div>
      </CardBody>
    </Card>
  );
}
