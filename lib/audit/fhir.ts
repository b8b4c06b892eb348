import type { AccessLogEntry } from "./access-log";

/**
 * Audit events as FHIR R4 AuditEvent resources (http://hl7.org/fhir/R4/auditevent.html), for exchange with other
 * systems and for the patient's own export. Pure: the caller supplies the events with their actors' names.
 */

type Coding = { system: string; code: string; display?: string };

export interface FhirAuditEvent {
  resourceType: "AuditEvent";
  id: string;
  meta: { lastUpdated: string };
  type: Coding;
  subtype?: Coding[];
  action: "C" | "R" | "U" | "D" | "E";
  recorded: string;
  outcome: "0" | "4" | "8";
  outcomeDesc?: string;
  purposeOfEvent: { text: string }[];
  agent: {
    type: { coding: Coding[] };
    who: { reference?: string; display: string };
    requestor: boolean;
    role?: { text: string }[];
  }[];
  source: { site: string; observer: { display: string }; type: Coding[] };
  entity: {
    what: { reference?: string; identifier?: { value: string } };
    type: Coding;
    role?: Coding;
    detail?: { type: string; valueString: string }[];
  }[];
}

export interface FhirBundle<T> {
  resourceType: "Bundle";
  type: "searchset";
  total: number;
  link: { relation: string; url: string }[];
  entry: { fullUrl: string; resource: T; search: { mode: "match" } }[];
}

const AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
const RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
const ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
const OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
const PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
const SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";

/** The CRUDE action of a portal action name; anything that is not a plain read or write is an execution. */
export function fhirActionOf(action: string): FhirAuditEvent["action"] {
  const verb = action.toLowerCase();
  if (/^(read|view|list|search|export|download)/.test(verb)) return "R";
  if (/^(create|grant|book|issue|import|upload|invite|record)/.test(verb)) return "C";
  if (/^(update|edit|revoke|cancel|reschedule|disable|enable|amend)/.test(verb)) return "U";
  if (/^(delete|remove)/.test(verb)) return "D";
  return "E";
}

const INTERACTION: Record<FhirAuditEvent["action"], Coding | undefined> = {
  R: { system: RESTFUL_INTERACTION, code: "read", display: "read" },
  C: { system: RESTFUL_INTERACTION, code: "create", display: "create" },
  U: { system: RESTFUL_INTERACTION, code: "update", display: "update" },
  D: { system: RESTFUL_INTERACTION, code: "delete", display: "delete" },
  E: undefined,
};

const OUTCOME = { SUCCESS: "0", DENIED: "4", FAILURE: "8" } as const;

/** FHIR's reference type for a person in a role. */
function personReference(id: string, role: string): string {
  if (role === "PATIENT") return `Patient/${id}`;
  if (role === "DOCTOR" || role === "PHARMACIST") return `Practitioner/${id}`;
  return `RelatedPerson/${id}`;
}

export function toFhirAuditEvent(e: AccessLogEntry, opts: { site: string }): FhirAuditEvent {
  const action = fhirActionOf(e.action);
  const interaction = INTERACTION[action];
  const entity: FhirAuditEvent["entity"] = [
    {
      what: e.resourceId ? { reference: `${e.resourceType}/${e.resourceId}` } : { identifier: { value: e.resourceType } },
      type: { system: ENTITY_TYPE, code: "2", display: "System Object" },
      detail: [
        { type: "action", valueString: e.action },
        { type: "seq", valueString: String(e.seq) },
        { type: "anchored-on-chain", valueString: e.chain },
      ],
    },
  ];
  if (e.patientId) {
    entity.push({
      what: { reference: `Patient/${e.patientId}` },
      type: { system: ENTITY_TYPE, code: "1", display: "Person" },
      role: { system: OBJECT_ROLE, code: "1", display: "Patient" },
    });
  }
  return {
    resourceType: "AuditEvent",
    id: e.id,
    meta: { lastUpdated: e.at.toISOString() },
    type: { system: AUDIT_EVENT_TYPE, code: "rest", display: "RESTful Operation" },
    ...(interaction ? { subtype: [interaction] } : {}),
    action,
    recorded: e.at.toISOString(),
    outcome: OUTCOME[e.outcome as keyof typeof OUTCOME] ?? "8",
    ...(e.outcome === "DENIED" ? { outcomeDesc: "access denied" } : {}),
    purposeOfEvent: [{ text: e.purpose }],
    agent: [
      {
        type: { coding: [{ system: PARTICIPATION, code: "IRCP", display: "information recipient" }] },
        who: e.actorId
          ? { reference: personReference(e.actorId, e.actorRole), display: e.actorName ?? e.actorRole }
          : { display: e.actorRole === "ANONYMOUS" ? "Anonymous" : e.actorRole },
        requestor: true,
        role: [{ text: e.actorRole }],
      },
    ],
    source: { site: opts.site, observer: { display: "CareChain Health portal" }, type: [{ system: SOURCE_TYPE, code: "4", display: "Application Server" }] },
    entity,
  };
}

export function toFhirBundle(events: AccessLogEntry[], opts: { baseUrl: string }): FhirBundle<FhirAuditEvent> {
  const site = new URL(opts.baseUrl).host;
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: events.length,
    link: [{ relation: "self", url: `${opts.baseUrl}/api/fhir/AuditEvent` }],
    entry: events.map((e) => ({
      fullUrl: `${opts.baseUrl}/api/fhir/AuditEvent/${e.id}`,
      resource: toFhirAuditEvent(e, { site }),
      search: { mode: "match" },
    })),
  };
}
