import table from "./interactions.json";

/** A warning shown before signing: the doctor must acknowledge it to sign. */
export interface RxWarning {
  kind: "allergy" | "interaction" | "unknown-allergies";
  severity: "major" | "moderate" | "minor" | "info";
  message: string;
}

export const INTERACTIONS_SOURCE = table.source;
const GROUPS = table.groups as Record<string, string[]>;

/** The ingredient terms a table entry stands for: "@group" or a single ingredient. */
function termsOf(entry: string): string[] {
  return entry.startsWith("@") ? (GROUPS[entry.slice(1)] ?? []) : [entry];
}

const mentions = (text: string, terms: string[]) => {
  const t = text.toLowerCase();
  return terms.some((term) => t.includes(term));
};

/**
 * Known interactions between the drug being prescribed (its name and generic name) and what the patient already
 * takes (names of active medications and prescriptions), from the curated table.
 */
export function interactionWarnings(drug: { name: string; genericName: string }, current: string[]): RxWarning[] {
  const drugText = `${drug.name} ${drug.genericName}`;
  const found: RxWarning[] = [];
  for (const pair of table.pairs) {
    for (const [mine, theirs] of [
      [pair.a, pair.b],
      [pair.b, pair.a],
    ] as const) {
      if (!mentions(drugText, termsOf(mine))) continue;
      const other = current.find((c) => mentions(c, termsOf(theirs)));
      if (other && !found.some((f) => f.message.includes(other))) {
        found.push({ kind: "interaction", severity: pair.severity as RxWarning["severity"], message: `Interaction with ${other}: ${pair.effect}` });
      }
    }
  }
  return found;
}

/**
 * Recorded allergies that this drug may trigger: the allergy names the drug's ingredient, or a class the drug
 * belongs to (a penicillin allergy and amoxicillin).
 */
export function allergyWarnings(drug: { name: string; genericName: string }, allergies: string[]): RxWarning[] {
  const drugText = `${drug.name} ${drug.genericName}`.toLowerCase();
  const ingredients = drug.genericName.toLowerCase().split(/\s*\/\s*/);
  const classes = table.allergyClasses as Record<string, string[]>;
  return allergies.flatMap((allergy): RxWarning[] => {
    const a = allergy.toLowerCase();
    const direct = ingredients.some((i) => i.length > 3 && a.includes(i.split(" ")[0]!));
    const byClass = Object.entries(classes).some(([name, members]) => a.includes(name) && members.some((m) => drugText.includes(m)));
    return direct || byClass ? [{ kind: "allergy", severity: "major", message: `Recorded allergy: ${allergy}. ${drug.name} may cause a reaction.` }] : [];
  });
}
