import { describe, expect, it } from "vitest";
import table from "./interactions.json";
import { allergyWarnings, interactionWarnings } from "./warnings";

const drug = (name: string, genericName: string) => ({ name, genericName });

describe("prescribing warnings", () => {
  it("finds interactions both ways round, through groups, with the table's severity", () => {
    expect(interactionWarnings(drug("Ibuprofen 400 MG", "ibuprofen"), ["Warfarin Sodium 5 MG Oral Tablet"])).toEqual([
      { kind: "interaction", severity: "major", message: expect.stringMatching(/^Interaction with Warfarin Sodium 5 MG Oral Tablet: Bleeding/) },
    ]);
    expect(interactionWarnings(drug("Warfarin Sodium 5 MG", "warfarin sodium"), ["naproxen sodium 220 MG"])[0]!.severity).toBe("major");
    expect(interactionWarnings(drug("Oxycodone 5 MG", "oxycodone hydrochloride"), ["Clonazepam 0.25 MG"])[0]!.message).toMatch(/boxed warning/);
    expect(interactionWarnings(drug("Amoxicillin 500 MG", "amoxicillin / clavulanate"), ["Simvastatin 10 MG"])).toEqual([]);
    expect(interactionWarnings(drug("Simvastatin 20 MG", "simvastatin"), [])).toEqual([]);
  });

  it("flags an allergy to the ingredient or to its class", () => {
    expect(allergyWarnings(drug("Amoxicillin 250 MG / Clavulanate 125 MG", "amoxicillin / clavulanate"), ["Allergy to penicillin"])).toHaveLength(1);
    expect(allergyWarnings(drug("Naproxen 220 MG", "naproxen sodium"), ["Aspirin"])).toHaveLength(1);
    expect(allergyWarnings(drug("Ibuprofen 200 MG", "ibuprofen"), ["Ibuprofen (substance)"])).toHaveLength(1);
    expect(allergyWarnings(drug("Simvastatin 10 MG", "simvastatin"), ["Allergy to penicillin", "House dust mite"])).toEqual([]);
  });

  it("names only ingredients and groups that exist, and states its source", () => {
    const groups = Object.keys(table.groups);
    for (const p of table.pairs) for (const side of [p.a, p.b]) if (side.startsWith("@")) expect(groups).toContain(side.slice(1));
    expect(table.source).toMatch(/Hand-curated/);
  });
});
