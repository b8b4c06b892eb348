import { NextResponse } from "next/server";
import { currentActor } from "@/lib/auth/session";
import { exportMyAuditEvents } from "@/lib/audit/fhir-export";
import { httpStatusOf, isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const FHIR_JSON = { "content-type": "application/fhir+json; charset=utf-8", "cache-control": "no-store" };

/** The signed-in patient's access log as a FHIR R4 Bundle of AuditEvent resources. */
export async function GET() {
  try {
    return new NextResponse(JSON.stringify(await exportMyAuditEvents(await currentActor())), { headers: FHIR_JSON });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const outcome = {
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: error.code === "UNAUTHENTICATED" ? "login" : "forbidden", diagnostics: error.message }],
    };
    return new NextResponse(JSON.stringify(outcome), { status: httpStatusOf[error.code], headers: FHIR_JSON });
  }
}
