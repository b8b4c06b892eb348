import type { Metadata } from "next";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui";
import { DocumentList } from "@/components/records/document-list";
import { DocumentUploadForm } from "@/components/records/document-upload-form";
import { requirePermission } from "@/lib/auth/session";
import { listDocuments } from "@/lib/documents/list-documents";

export const metadata: Metadata = { title: "Documents" };

export default async function PatientDocuments() {
  const user = await requirePermission("area:patient");
  const documents = await listDocuments(user, user.userId);
  return (
    <>
      <PageHeader
        title="Documents"
        description="Exam reports, lab results and images, stored encrypted. Only you and the clinicians you allow can open them."
        breadcrumbs={[{ label: "Home", href: "/patient" }, { label: "Documents" }]}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Your documents" />
          <CardBody>
            <DocumentList documents={documents} href={(id) => `/patient/documents/${id}`} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Upload a document" />
          <CardBody>
            <DocumentUploadForm patientId={user.userId} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
