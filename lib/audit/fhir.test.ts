import { describe, expect, it } from "vitest";
import type { AccessLogEntry } from "./access-log";
import { fhirActionOf, toFhirAuditEvent, toFhirBundle } from "./fhir";

const entry = (over: Partial<AccessLogEntry> = {}): AccessLogEntry => ({
  id: "6f0b1c3e-0000-4000-8000-000000000001",
  seq: 42n,
  at: new Date("2026-11-26T08:00:00.000Z"),
  actorId: "6f0b1c3e-0000-4000-8000-000000000002",
  actorName: "Dr. Lena Chen",
  actorRole: "DOCTOR",
  action: "read",
  resourceType: "Observation",
  resourceId: "obs-1",
  patientId: "6f0b1c3e-0000-4000-8000-000000000003",
  purpose: "treatment",
  outcome: "SUCCESS",
  chain: "verified",
  ...over,
});

describe("FHIR AuditEvent mapping", () => {
  it("maps a doctor's read of a patient's observation", () => {
    const r = toFhirAuditEvent(entry(), { site: "carechain.example" });
    expect(r).toMatchObject({
      resourceType: "AuditEvent",
      id: entry().id,
      action: "R",
      recorded: "2026-11-26T08:00:00.000Z",
      outcome: "0",
      subtype: [{ code: "read" }],
      purposeOfEvent: [{ text: "treatment" }],
      agent: [{ who: { reference: `Practitioner/${entry().actorId}`, display: "Dr. Lena Chen" }, requestor: true }],
      source: { site: "carechain.example" },
    });
    expect(r.entity).toEqual([
      expect.objectContaining({ what: { reference: "Observation/obs-1" } }),
      expect.objectContaining({ what: { reference: `Patient/${entry().patientId}` }, role: expect.objectContaining({ code: "1", display: "Patient" }) }),
    ]);
    expect(r.entity[0]!.detail).toContainEqual({ type: "anchored-on-chain", valueString: "verified" });
  });

  it("maps outcomes, actions and anonymous actors", () => {
    expect(toFhirAuditEvent(entry({ outcome: "DENIED" }), { site: "s" })).toMatchObject({ outcome: "4", outcomeDesc: "access denied" });
    expect(toFhirAuditEvent(entry({ outcome: "FAILURE" }), { site: "s" }).outcome).toBe("8");
    const anonymous = toFhirAuditEvent(entry({ actorId: null, actorName: null, actorRole: "ANONYMOUS", patientId: null, resourceId: null }), { site: "s" });
    expect(anonymous.agent[0]!.who).toEqual({ display: "Anonymous" });
    expect(anonymous.entity).toHaveLength(1);
    expect(anonymous.entity[0]!.what).toEqual({ identifier: { value: "Observation" } });
    expect(["grant", "revoke", "delete-file", "break-glass", "view profile"].map(fhirActionOf)).toEqual(["C", "U", "D", "E", "R"]);
    expect(toFhirAuditEvent(entry({ action: "break-glass" }), { site: "s" }).subtype).toBeUndefined();
  });

  it("wraps events in a searchset Bundle with full URLs", () => {
    const bundle = toFhirBundle([entry(), entry({ id: "x" })], { baseUrl: "https://carechain.example" });
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 2 });
    expect(bundle.entry[1]!.fullUrl).toBe("https://carechain.example/api/fhir/AuditEvent/x");
    expect(bundle.entry[0]!.resource.source.site).toBe("carechain.example");
  });
});
