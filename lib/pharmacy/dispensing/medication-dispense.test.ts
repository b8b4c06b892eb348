import { describe, expect, it } from "vitest";
import { toMedicationDispense } from "./medication-dispense";

describe("toMedicationDispense", () => {
  const base = {
    id: "d1",
    prescriptionId: "p1",
    patientId: "u1",
    pharmacistId: "ph1",
    quantity: 2,
    owed: 0,
    fillNumber: 1,
    createdAt: new Date("2026-11-26T08:00:00Z"),
    drug: { name: "Amoxicillin 250 MG", rxnormCode: "562251", packSize: 30 },
    directions: "1 tablet, oral, three times daily, for 7 days",
  };

  it("maps a first fill with its RxNorm code, quantity in units and the prescription it fills", () => {
    const r = toMedicationDispense(base);
    expect(r).toMatchObject({
      resourceType: "MedicationDispense",
      status: "completed",
      medicationCodeableConcept: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "562251" }] },
      subject: { reference: "Patient/u1" },
      authorizingPrescription: [{ reference: "MedicationRequest/p1" }],
      quantity: { value: 60 },
      whenHandedOver: "2026-11-26T08:00:00.000Z",
    });
    expect(r.type.coding[0]!.code).toBe("FF");
  });

  it("marks partial fills and refills", () => {
    expect(toMedicationDispense({ ...base, owed: 1 }).type.coding[0]!.code).toBe("PF");
    expect(toMedicationDispense({ ...base, fillNumber: 2 }).type.coding[0]!.code).toBe("RF");
    expect(toMedicationDispense({ ...base, drug: { ...base.drug, rxnormCode: null } }).medicationCodeableConcept).toEqual({ text: "Amoxicillin 250 MG" });
  });
});
