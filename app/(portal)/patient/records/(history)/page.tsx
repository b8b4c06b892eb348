import type { Metadata } from "next";
import { ButtonLink, Card, CardBody, CardHeader, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { FhirImportForm } from "@/components/records/fhir-import-form";
import { formatDateTime } from "@/components/records/format";
import { HistorySections } from "@/components/records/history-sections";
import { requirePermission } from "@/lib/auth/session";
import { getMedicalHistory } from "@/lib/records/get-medical-history";
import { listFhirImports } from "@/lib/records/list-fhir-imports";

export const metadata: Metadata = { title: "Medical history" };

export default async function PatientRecords() {
  const user = await requirePermission("area:patient");
  const [sections, imports] = await Promise.all([getMedicalHistory(user, user.userId), listFhirImports(user, user.userId)]);
  return (
    <>
      <PageHeader
        title="Medical history"
        description="Your conditions, allergies, medications, immunizations and results, with their codes and original dates."
        breadcrumbs={[{ label: "Home", href: "/patient" }, { label: "Medical history" }]}
        actions={
          <ButtonLink href="/patient/records/details" variant="secondary">
            Contact and insurance
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Bring your history" description="Import a FHIR R4 bundle from another provider. Importing the same bundle twice changes nothing." />
          <CardBody className="space-y-4">
            <FhirImportForm />
            {imports.length > 0 && (
              <Table caption="Imported bundles">
                <THead>
                  <TR>
                    <TH>Imported</TH>
                    <TH>Patient in the bundle</TH>
                    <TH>Entries</TH>
                  </TR>
                </THead>
                <TBody>
                  {imports.map((i) => (
                    <TR key={i.id}>
                      <TD className="whitespace-nowrap">{formatDateTime(i.createdAt)}</TD>
                      <TD>{i.sourcePatient ? `${i.sourcePatient.name}${i.sourcePatient.birthDate ? `, born ${i.sourcePatient.birthDate}` : ""}` : "—"}</TD>
                      <TD>
                        {Object.entries(i.imported)
                          .filter(([t]) => t !== "Patient")
                          .map(([t, n]) => `${t} ${n}`)
                          .join(", ")}
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </CardBody>
        </Card>
        <HistorySections sections={sections} entryHref={(id) => `/patient/records/${id}`} />
      </div>
    </>
  );
}
