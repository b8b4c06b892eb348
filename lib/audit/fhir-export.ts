import "server-only";
import type { Actor } from "@/lib/authz/actor";
import { env } from "@/lib/env";
import { listMyAccessLog } from "./access-log";
import { toFhirBundle, type FhirAuditEvent, type FhirBundle } from "./fhir";

/** The patient's own access log as a FHIR R4 Bundle of AuditEvent resources. */
export async function exportMyAuditEvents(actor: Actor | null): Promise<FhirBundle<FhirAuditEvent>> {
  const entries = await listMyAccessLog(actor);
  return toFhirBundle(entries, { baseUrl: env().APP_URL });
}
