import Link from "next/link";
import { ButtonLink, Card, CardBody, CardHeader, EmptyState } from "@/components/ui";
import { formatDay } from "@/components/records/format";
import type { CurrentUser } from "@/lib/auth/session";
import { listDocuments } from "@/lib/documents/list-documents";

export async function DocumentsCard({ user }: { user: CurrentUser }) {
  const documents = await listDocuments(user, user.userId);
  return (
    <Card>
      <CardHeader
        title="Documents"
        description={`${documents.length} on file`}
        actions={
          <ButtonLink href="/patient/documents" variant="ghost" size="sm">
            All documents
          </ButtonLink>
        }
      />
      <CardBody>
        {documents.length === 0 ? (
          <EmptyState headingLevel={3} title="No documents yet" description="Upload exam reports, lab results and images." />
        ) : (
          <ul className="space-y-2">
            {documents.slice(0, 3).map((d) => (
              <li key={d.id}>
                <Link href={`/patient/documents/${d.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {d.title}
                </Link>{" "}
                <span className="text-muted">{formatDay(d.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
