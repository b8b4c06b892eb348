import Link from "next/link";
import { ButtonLink, Card, CardBody, CardHeader } from "@/components/ui";
import type { CurrentUser } from "@/lib/auth/session";
import { getMedicalHistory } from "@/lib/records/get-medical-history";

const LABELS = { ALLERGY: "Allergies", CONDITION: "Conditions", MEDICATION: "Medications", IMMUNIZATION: "Immunizations" } as const;

/** How much of the history is on file, with the active conditions first. */
export async function HistoryCard({ user }: { user: CurrentUser }) {
  const sections = await getMedicalHistory(user, user.userId, { kinds: ["ALLERGY", "CONDITION", "MEDICATION", "IMMUNIZATION"] });
  const active = sections.find((s) => s.kind === "CONDITION")?.entries.filter((e) => e.status === "active").slice(0, 3) ?? [];
  return (
    <Card>
      <CardHeader
        title="Medical history"
        actions={
          <ButtonLink href="/patient/records" variant="ghost" size="sm">
            Open history
          </ButtonLink>
        }
      />
      <CardBody className="space-y-3">
        {/* As many columns as fit the card (it is half the page on wide screens), so "Immunizations" never overflows. */}
        <dl className="grid grid-cols-[repeat(auto-fit,minmax(8.5rem,1fr))] gap-3">
          {sections.map((s) => (
            <div key={s.kind} className="rounded-lg border border-line p-3">
              <dt className="text-sm text-muted">{LABELS[s.kind as keyof typeof LABELS]}</dt>
              <dd className="text-2xl font-semibold">{s.total}</dd>
            </div>
          ))}
        </dl>
        {active.length > 0 && (
          <p>
            Active:{" "}
            {active.map((e, i) => (
              <span key={e.id}>
                {i > 0 && ", "}
                <Link href={`/patient/records/${e.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {e.display}
                </Link>
              </span>
            ))}
          </p>
        )}
      </CardBody>
    </Card>
  );
}
