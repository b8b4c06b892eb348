import { Card, CardBody, CardHeader } from "@/components/ui";
import { DocumentList } from "@/components/records/document-list";
import { DocumentUploadForm } from "@/components/records/document-upload-form";
import type { CurrentUser } from "@/lib/auth/session";
import { listDocuments } from "@/lib/documents/list-documents";
import { isAppError } from "@/lib/errors";

/** The chart's documents (the kinds the doctor's consent covers) and an upload form for exam reports and results. */
export async function DocumentsSection({ user, patientId }: { user: CurrentUser; patientId: string }) {
  const documents = await listDocuments(user, patientId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  });
  return (
    <section aria-labelledby="chart-documents" className="space-y-4">
      <h2 id="chart-documents" className="text-xl font-semibold">
        Documents
      </h2>
      <Card>
        <CardHeader title="Exam reports, results and images" headingLevel={3} description={documents ? undefined : "Not shared with you: the patient has not consented to documents."} />
        {documents && (
          <CardBody>
            <DocumentList documents={documents} href={(id) => `/api/documents/${id}`} />
          </CardBody>
        )}
      </Card>
      <Card>
        <CardHeader title="Upload a document" headingLevel={3} />
        <CardBody>
          <DocumentUploadForm patientId={patientId} />
        </CardBody>
      </Card>
    </section>
  );
}
