import type { Metadata } from "next";
import { Badge, Card, CardBody, CardHeader, EmptyState, FormField, Input, PageHeader, Select } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { submitBreakGlassReview } from "@/lib/break-glass/actions";
import { listBreakGlassEvents } from "@/lib/break-glass/review-break-glass";
import { clinicTimeZone } from "@/lib/scheduling/availability";
import { formatInZone } from "@/lib/scheduling/time-zone";
import { ActionForm } from "../../doctor/visits/action-form";

export const metadata: Metadata = { title: "Emergency access review" };

const TONE = { PENDING: "pending", JUSTIFIED: "success", UNJUSTIFIED: "danger" } as const;
const LABEL = { PENDING: "To review", JUSTIFIED: "Justified", UNJUSTIFIED: "Not justified" } as const;

export default async function BreakGlassReview() {
  const admin = await requirePermission("area:admin");
  const events = await listBreakGlassEvents(admin);
  const tz = clinicTimeZone();
  const when = (d: Date) => formatInZone(d, tz, { dateStyle: "medium", timeStyle: "short" });
  const pending = events.filter((e) => e.review === "PENDING").length;
  return (
    <>
      <PageHeader title="Emergency access review" description={`Every break-glass opening of a chart, with the doctor's stated reason. ${pending} to review.`} />
      {events.length === 0 ? (
        <EmptyState title="No emergency access yet" description="When a doctor opens a chart without consent, it appears here for review." />
      ) : (
        <ul className="space-y-4" aria-label="Emergency accesses">
          {events.map((e) => (
            <li key={e.id}>
              <Card>
                <CardHeader
                  headingLevel={2}
                  title={`${e.doctorName} opened ${e.patientName}'s chart`}
                  description={`${when(e.startedAt)} until ${when(e.expiresAt)}`}
                  actions={<Badge tone={TONE[e.review]}>{LABEL[e.review]}</Badge>}
                />
                <CardBody className="space-y-3">
                  <p>
                    <span className="font-medium">Reason given:</span> {e.reason}
                  </p>
                  {e.review === "PENDING" ? (
                    <ActionForm action={submitBreakGlassReview} submitLabel="Record review" ariaLabel={`Review of ${e.doctorName}'s access to ${e.patientName}`}>
                      <input type="hidden" name="accessId" value={e.id} />
                      <div className="grid gap-4 md:grid-cols-2">
                        <FormField label="Verdict" required>
                          <Select name="verdict" defaultValue="">
                            <option value="" disabled>
                              Choose…
                            </option>
                            <option value="JUSTIFIED">Justified</option>
                            <option value="UNJUSTIFIED">Not justified</option>
                          </Select>
                        </FormField>
                        <FormField label="Note">
                          <Input name="note" />
                        </FormField>
                      </div>
                    </ActionForm>
                  ) : (
                    <p className="text-sm text-muted">
                      Reviewed by {e.reviewedBy} on {e.reviewedAt ? when(e.reviewedAt) : "—"}
                      {e.reviewNote ? `: ${e.reviewNote}` : ""}
                    </p>
                  )}
                </CardBody>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
