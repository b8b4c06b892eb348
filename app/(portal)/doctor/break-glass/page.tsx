import type { Metadata } from "next";
import { Alert, Button, ButtonLink, Card, CardBody, CardHeader, FormField, Input, PageHeader, Textarea } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { submitBreakGlass } from "@/lib/break-glass/actions";
import { findPatientsForEmergency } from "@/lib/break-glass/find-patients-for-emergency";
import { ActionForm } from "../visits/action-form";

export const metadata: Metadata = { title: "Emergency access" };

export default async function EmergencyAccess({ searchParams }: { searchParams: Promise<{ q?: string; patientId?: string; name?: string }> }) {
  const user = await requirePermission("area:doctor");
  const { q = "", patientId = "", name = "" } = await searchParams;
  const found = q.trim().length >= 2 ? await findPatientsForEmergency(user, { q }) : [];
  const minutes = env().BREAK_GLASS_MINUTES;
  return (
    <>
      <PageHeader title="Emergency access" description="Break the glass: open a patient's chart without their consent, in an emergency only." breadcrumbs={[{ label: "Today", href: "/doctor" }, { label: "Emergency access" }]} />
      <div className="space-y-6">
        <Alert tone="warning" title="Every use is reviewed">
          Access lasts {minutes} minutes. The patient is emailed at once, the event is recorded on chain, and an administrator reviews your reason.
        </Alert>
        <Card>
          <CardHeader title="1. Find the patient" />
          <CardBody className="space-y-4">
            <form method="get" role="search" aria-label="Patients" className="flex flex-wrap items-end gap-3">
              <FormField label="Patient's name" className="min-w-64 flex-1">
                <Input name="q" type="search" defaultValue={q} />
              </FormField>
              <Button type="submit" variant="secondary">
                Find
              </Button>
            </form>
            {q && found.length === 0 && <p className="text-sm text-muted">Nobody matches “{q}”.</p>}
            {found.length > 0 && (
              <ul className="space-y-2" aria-label="Matching patients">
                {found.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center gap-3">
                    <span>
                      {p.name}, born {p.dateOfBirth}
                    </span>
                    <ButtonLink href={`/doctor/break-glass?q=${encodeURIComponent(q)}&patientId=${p.id}&name=${encodeURIComponent(p.name)}`} size="sm" variant={p.id === patientId ? "primary" : "secondary"} aria-label={`Choose ${p.name}`}>
                      Choose
                    </ButtonLink>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
        {patientId && (
          <Card>
            <CardHeader title={`2. State the emergency${name ? ` for ${name}` : ""}`} />
            <CardBody>
              <ActionForm action={submitBreakGlass} submitLabel="Open the chart in an emergency" variant="danger" reset={false}>
                <input type="hidden" name="patientId" value={patientId} />
                <FormField label="Reason" hint="What is happening and why you need the record now. The administrator and the patient's access log see that you opened it." required>
                  <Textarea name="reason" rows={3} />
                </FormField>
              </ActionForm>
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
