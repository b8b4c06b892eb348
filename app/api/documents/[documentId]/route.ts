import { currentActor } from "@/lib/auth/session";
import { openDocument } from "@/lib/documents/open-document";
import { httpStatusOf, isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * A document's content for the browser: decrypted on the way out, for the patient or a clinician with consent for
 * that kind of document (openDocument checks and audits). `?download=1` saves it instead of showing it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  try {
    const { bytes, mediaType, fileName } = await openDocument(await currentActor(), documentId);
    const download = new URL(request.url).searchParams.get("download") === "1";
    const safeName = fileName.replace(/[^\w.\- ]+/g, "_");
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": mediaType,
        "content-length": String(bytes.length),
        "content-disposition": `${download ? "attachment" : "inline"}; filename="${safeName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        // Never able to run script against the portal's origin (PDFs keep the browser's own viewer, which a CSP would block).
        ...(mediaType === "application/pdf" ? {} : { "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'" }),
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: httpStatusOf[error.code], headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
    throw error;
  }
}
