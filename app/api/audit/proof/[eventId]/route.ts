import { NextResponse } from "next/server";
import { currentActor } from "@/lib/auth/session";
import { getAuditProof } from "@/lib/audit/proof";
import { httpStatusOf, isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** The Merkle proof of one audit event and whether AuditAnchor verifies it; for the event's patient or an admin. */
export async function GET(_request: Request, { params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  try {
    const proof = await getAuditProof(await currentActor(), eventId);
    return NextResponse.json(proof, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return NextResponse.json({ error: error.message }, { status: httpStatusOf[error.code], headers: { "cache-control": "no-store" } });
  }
}
