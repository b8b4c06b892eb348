import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { DocumentViewer } from "@/components/records/document-viewer";
import { notFoundOnMissing } from "@/components/records/not-found";
import { requirePermission } from "@/lib/auth/session";
import { getDocument } from "@/lib/documents/list-documents";

export const metadata: Metadata = { title: "Document" };

export default async function PatientDocument({ params }: { params: Promise<{ documentId: string }> }) {
  const user = await requirePermission("area:patient");
  const { documentId } = await params;
  const doc = await notFoundOnMissing(getDocument(user, documentId));
  return (
    <>
      <PageHeader title={doc.title} breadcrumbs={[{ label: "Home", href: "/patient" }, { label: "Documents", href: "/patient/documents" }, { label: doc.title }]} />
      <DocumentViewer doc={doc} />
    </>
  );
}
