import type { Metadata } from "next";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui";
import { FhirImportForm } from "@/components/records/fhir-import-form";
import { requirePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Import a history" };

/** An admin brings a patient's history from another provider, for patients who cannot upload it themselves. */
export default async function AdminRecordsImportPage() {
  const admin = await requirePermission("area:admin");
  const patients = (await listUsers(admin, { role: "PATIENT" }))
    .filter((p) => p.status === "ACTIVE")
    .map((p) => ({ id: p.id, label: `${p.name ?? "Unnamed"} (${p.email})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <>
      <PageHeader title="Import a history" description="Upload a FHIR R4 bundle from another provider into a patient's record. The import is recorded in the patient's access log." />
      <Card>
        <CardHeader title="FHIR R4 bundle" description="All or nothing: if any entry is invalid, nothing is imported. Importing the same bundle twice changes nothing." />
        <CardBody>
          <FhirImportForm patients={patients} />
        </CardBody>
      </Card>
    </>
  );
}
