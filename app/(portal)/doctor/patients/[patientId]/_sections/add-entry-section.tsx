import { Card, CardBody, CardHeader } from "@/components/ui";
import { ClinicalEntryForm } from "@/components/records/clinical-entry-form";

/** Adding a coded entry (condition, allergy, medication…) to the patient's history. */
export function AddEntrySection({ patientId }: { patientId: string }) {
  return (
    <Card>
      <CardHeader title="Add to the history" description="Your consent must cover the kind of entry you add." />
      <CardBody>
        <ClinicalEntryForm patientId={patientId} />
      </CardBody>
    </Card>
  );
}
