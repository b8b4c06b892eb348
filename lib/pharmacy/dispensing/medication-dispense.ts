/**
 * A dispense as a FHIR R4 MedicationDispense resource (for interoperability and exports). Pure: it takes what the
 * dispense record and its prescription already say.
 */
export interface DispenseForFhir {
  id: string;
  prescriptionId: string;
  patientId: string;
  pharmacistId: string;
  quantity: number;
  owed: number;
  fillNumber: number;
  createdAt: Date;
  drug: { name: string; rxnormCode: string | null; packSize: number };
  directions: string;
}

export function toMedicationDispense(d: DispenseForFhir) {
  return {
    resourceType: "MedicationDispense" as const,
    id: d.id,
    status: "completed" as const,
    medicationCodeableConcept: {
      text: d.drug.name,
      ...(d.drug.rxnormCode ? { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: d.drug.rxnormCode, display: d.drug.name }] } : {}),
    },
    subject: { reference: `Patient/${d.patientId}` },
    performer: [{ actor: { reference: `Practitioner/${d.pharmacistId}` } }],
    authorizingPrescription: [{ reference: `MedicationRequest/${d.prescriptionId}` }],
    type: {
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
          code: d.owed > 0 ? "PF" : d.fillNumber === 1 ? "FF" : "RF",
          display: d.owed > 0 ? "Partial Fill" : d.fillNumber === 1 ? "First Fill" : "Refill",
        },
      ],
    },
    quantity: { value: d.quantity * d.drug.packSize, unit: "unit" },
    whenHandedOver: d.createdAt.toISOString(),
    dosageInstruction: [{ text: d.directions }],
  };
}
