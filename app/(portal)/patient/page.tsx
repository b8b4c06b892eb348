import type { Metadata } from "next";
import { Alert, ButtonLink, Card, CardBody, CardHeader, PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { getPatientProfile } from "@/lib/patients/get-patient-profile";
import { SEX_LABELS } from "@/lib/patients/schemas";
import { AccessCard } from "./_home/access-card";
import { AppointmentsCard } from "./_home/appointments-card";
import { DocumentsCard } from "./_home/documents-card";
import { HistoryCard } from "./_home/history-card";
import { VisitsCard } from "./_home/visits-card";

export const metadata: Metadata = { title: "Home" };

/** The patient's home: a composition of cards, each reading through its own domain's data function. */
export default async function PatientHome({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const user = await requirePermission("area:patient");
  const profile = await getPatientProfile(user, user.userId);
  const { welcome } = await searchParams;
  const rows: [string, string][] = profile
    ? [
        ["Name", `${profile.givenName} ${profile.familyName}`],
        ["Date of birth", profile.dateOfBirth.toISOString().slice(0, 10)],
        ["Sex", SEX_LABELS[profile.sex]],
        ["Phone", profile.phone],
        ["Address", `${profile.addressLine}, ${profile.postalCode} ${profile.city}, ${profile.country}`],
        ["Emergency contact", `${profile.emergencyContactName} (${profile.emergencyContactRelation}), ${profile.emergencyContactPhone}`],
      ]
    : [];
  return (
    <>
      <PageHeader title={`Hello, ${profile?.givenName ?? "there"}`} description="Your record at CareChain Health." />
      <div className="space-y-6">
        {welcome && <Alert tone="success">Your details are saved. Welcome aboard.</Alert>}
        <div className="grid gap-6 lg:grid-cols-2">
          <AppointmentsCard user={user} />
          <VisitsCard user={user} />
          <HistoryCard user={user} />
          <DocumentsCard user={user} />
          <AccessCard user={user} />
        </div>
        <Card>
          <CardHeader
            title="Your details"
            description="Only you, and the clinicians you allow, can see these."
            actions={
              <ButtonLink href="/patient/records/details" variant="ghost" size="sm">
                Edit contact and insurance
              </ButtonLink>
            }
          />
          <CardBody>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
              {rows.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="font-medium text-muted">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
