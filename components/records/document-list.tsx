import Link from "next/link";
import { EmptyState, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { TYPE_LABELS, type AcceptedType } from "@/lib/documents/file-types";
import type { DocumentSummary } from "@/lib/documents/list-documents";
import { DOCUMENT_KIND_LABELS } from "@/lib/documents/schemas";
import { formatBytes, formatDay } from "./format";

/** A patient's documents; `href` says where each title leads (the patient's viewer page, or the file itself). */
export function DocumentList({ documents, href }: { documents: DocumentSummary[]; href: (id: string) => string }) {
  if (documents.length === 0) {
    return <EmptyState headingLevel={3} title="No documents yet" description="Exam reports, lab results and images appear here once uploaded." />;
  }
  return (
    <Table caption="Documents" captionHidden>
      <THead>
        <TR>
          <TH>Title</TH>
          <TH>Kind</TH>
          <TH>Type</TH>
          <TH numeric>Size</TH>
          <TH>Uploaded</TH>
          <TH>By</TH>
        </TR>
      </THead>
      <TBody>
        {documents.map((d) => (
          <TR key={d.id}>
            <TD>
              <Link href={href(d.id)} className="font-medium text-brand-700 underline-offset-2 hover:underline" prefetch={false}>
                {d.title}
              </Link>
            </TD>
            <TD>{DOCUMENT_KIND_LABELS[d.kind]}</TD>
            <TD>{TYPE_LABELS[d.mediaType as AcceptedType] ?? d.mediaType}</TD>
            <TD numeric>{formatBytes(d.sizeBytes)}</TD>
            <TD className="whitespace-nowrap">{formatDay(d.createdAt)}</TD>
            <TD>{d.uploadedBy}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
