import { ButtonLink, Card, CardBody, CardHeader } from "@/components/ui";
import { TYPE_LABELS, viewableInBrowser, type AcceptedType } from "@/lib/documents/file-types";
import type { DocumentSummary } from "@/lib/documents/list-documents";
import { DOCUMENT_KIND_LABELS } from "@/lib/documents/schemas";
import { formatBytes, formatDateTime } from "./format";

/** A document's details and its content: images inline, PDFs in the browser's own viewer, DICOM to download. */
export function DocumentViewer({ doc }: { doc: DocumentSummary }) {
  const src = `/api/documents/${doc.id}`;
  const rows: [string, string][] = [
    ["Kind", DOCUMENT_KIND_LABELS[doc.kind]],
    ["File", `${doc.fileName} (${TYPE_LABELS[doc.mediaType as AcceptedType] ?? doc.mediaType}, ${formatBytes(doc.sizeBytes)})`],
    ["Uploaded", `${formatDateTime(doc.createdAt)} by ${doc.uploadedBy}`],
    ["SHA-256", doc.sha256],
    ...Object.entries(doc.metadata ?? {}).map(([k, v]) => [`DICOM ${k}`, v] as [string, string]),
  ];
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Details"
          actions={
            <div className="flex gap-2">
              {viewableInBrowser(doc.mediaType) && (
                <ButtonLink href={src} variant="secondary" size="sm" prefetch={false} target="_blank" rel="noopener">
                  Open {doc.mediaType === "application/pdf" ? "PDF" : "image"}
                </ButtonLink>
              )}
              <ButtonLink href={`${src}?download=1`} variant="ghost" size="sm" prefetch={false}>
                Download
              </ButtonLink>
            </div>
          }
        />
        <CardBody>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[10rem_1fr]">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-muted">{label}</dt>
                <dd className="break-all">{value}</dd>
              </div>
            ))}
          </dl>
        </CardBody>
      </Card>
      {doc.mediaType.startsWith("image/") && (
        <Card>
          <CardHeader title="Preview" />
          <CardBody>
            {/* eslint-disable-next-line @next/next/no-img-element -- an authorized, decrypted stream; not for the image optimizer */}
            <img src={src} alt={doc.title} className="max-h-[70vh] max-w-full rounded-lg border border-line" />
          </CardBody>
        </Card>
      )}
    </div>
  );
}
