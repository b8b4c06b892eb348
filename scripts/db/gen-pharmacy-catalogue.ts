/**
 * Generates scripts/db/data/pharmacy-catalogue.json once, from the RxNorm-coded MedicationRequests of the synthetic
 * FHIR R4 bundles in ../shared/fhir/synthea-r4 (Synthea), plus common over-the-counter items. The seed reads only
 * the committed JSON, so nothing at run time depends on ../shared.
 *   npx tsx scripts/db/gen-pharmacy-catalogue.ts [path/to/synthea-r4]
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { toEan13 } from "../../lib/pharmacy/barcode.ts";

type Form = "TABLET" | "CAPSULE" | "SOLUTION" | "SUSPENSION" | "INJECTION" | "INHALER" | "CREAM" | "PATCH" | "SPRAY" | "DEVICE" | "OTHER";

export interface CatalogueItem {
  name: string;
  genericName: string;
  form: Form;
  strength: string;
  packSize: number;
  barcode: string;
  priceCents: number;
  description: string;
  controlled: boolean;
  otc: boolean;
  rxnormCode: string | null;
  reorderLevel: number;
  reorderQuantity: number;
  /** How often Synthea's patients were prescribed it (0 for the OTC list): drives the seeded stock. */
  prescribed: number;
}

const root = join(import.meta.dirname, "..", "..");
const source = process.argv[2] ?? join(root, "..", "shared", "fhir", "synthea-r4");

const CONTROLLED = /oxycodone|hydrocodone|meperidine|diazepam|clonazepam|valium|klonopin|vicodin/i;
const OTC = /^(acetaminophen 325|acetaminophen 160|ibuprofen|naproxen sodium|aspirin|loratadine|fexofenadine|diphenhydramine|chlorpheniramine|ferrous|24hr nicotine|hydrocortisone|acetaminophen 21\.7)/i;

function formOf(display: string): Form {
  const d = display.toLowerCase();
  if (/inhaler/.test(d)) return "INHALER";
  if (/injection|injectable|syringe|auto-injector/.test(d)) return "INJECTION";
  if (/transdermal|patch/.test(d)) return "PATCH";
  if (/cream/.test(d)) return "CREAM";
  if (/spray/.test(d)) return "SPRAY";
  if (/suspension/.test(d)) return "SUSPENSION";
  if (/solution/.test(d)) return "SOLUTION";
  if (/implant|intrauterine|vaginal ring/.test(d)) return "DEVICE";
  return "TABLET";
}

function strengthOf(display: string): string {
  const all = [...display.matchAll(/(\d+(?:\.\d+)?)\s*(MG\/ML|MG\/HR|MG\/ACTUAT|UNT\/ML|MG)\b/gi)].map((m) => `${m[1]} ${m[2]!.toLowerCase()}`);
  if (all.length) return all.join(" / ");
  const loose = /(\d+(?:\.\d+)?)\s*mg/i.exec(display);
  return loose ? `${loose[1]} mg` : "as labelled";
}

const TYPOS: [RegExp, string][] = [
  [/Simvistatin/, "Simvastatin"],
  [/hydrocholoride/, "hydrochloride"],
  [/^Lasix 40mg$/, "Lasix (furosemide) 40 MG Oral Tablet"],
];
const fixTypos = (display: string) => TYPOS.reduce((d, [from, to]) => d.replace(from, to), display);

function genericOf(display: string): string {
  const brand = /\[(\w+)\]/.exec(display)?.[1];
  const cleaned = display
    .replace(/^Lasix \(furosemide\)/, "furosemide")
    .replace(/\[.*?\]/g, "")
    .replace(/^((NDA\d+|Abuse-Deterrent|\d+ HR|\d+ ML|\d+ ACTUAT|0\.\d+ ML|\d+hr)\s+)+/gi, "")
    .replace(/\b\d+ Day (Pack|Vaginal Ring)\b/gi, "")
    .replace(/\d+(\.\d+)?\s*(MG\/ML|MG\/HR|MG\/ACTUAT|UNT\/ML|MG|ML)\b/gi, "")
    .replace(/\b(Oral|Tablet|Injection|Injectable|Solution|Suspension|Extended Release|Chewable|Metered Dose|Dry Powder|Inhaler|Prefilled Syringe|Auto-Injector|Transdermal System|Topical Cream|Mucosal Spray|Drug Implant|Intrauterine System|Day Pack|per 24HR|Vaginal Ring)\b/gi, "")
    .replace(/\s*\/\s*/g, " / ")
    .replace(/\s+/g, " ")
    .replace(/( \/)+\s*$/, "")
    .trim()
    .toLowerCase();
  return cleaned || (brand ?? display).toLowerCase();
}

function nameOf(display: string): string {
  const tidy = display.replace(/^NDA\d+\s+/, "");
  return tidy.charAt(0).toUpperCase() + tidy.slice(1);
}

function packOf(form: Form, display: string): number {
  if (/28 day pack/i.test(display)) return 28;
  if (/91 day pack/i.test(display)) return 91;
  if (form === "TABLET" || form === "CAPSULE") return 30;
  if (form === "PATCH") return 7;
  return 1;
}

/** A made-up but stable price: deterministic from the code, dearer for injections and devices. */
function priceOf(code: string, form: Form): number {
  const base = [...code].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 997, 7);
  const scale = form === "INJECTION" || form === "DEVICE" ? 8 : form === "INHALER" ? 5 : 1;
  return (399 + (base % 40) * 50) * scale;
}

const counts = new Map<string, { display: string; n: number }>();
for (const file of readdirSync(source).filter((f) => f.endsWith(".json"))) {
  const bundle = JSON.parse(readFileSync(join(source, file), "utf8")) as { entry?: { resource: Record<string, unknown> }[] };
  for (const { resource } of bundle.entry ?? []) {
    if (resource.resourceType !== "MedicationRequest") continue;
    const coding = (resource.medicationCodeableConcept as { coding?: { system: string; code: string; display: string }[] } | undefined)?.coding?.find(
      (c) => c.system === "http://www.nlm.nih.gov/research/umls/rxnorm",
    );
    if (!coding) continue;
    const seen = counts.get(coding.code) ?? { display: coding.display, n: 0 };
    seen.n++;
    counts.set(coding.code, seen);
  }
}

const items: CatalogueItem[] = [];
// Barcodes in the GS1 "200–299" range (restricted, in-store numbers), so none clashes with a real product.
let serial = 0;
const nextBarcode = () => toEan13(`2${String(++serial).padStart(4, "0")}0000${String(serial % 1000).padStart(3, "0")}`);

for (const [code, { display: raw, n }] of [...counts].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))) {
  const display = fixTypos(raw);
  const form = formOf(display);
  const controlled = CONTROLLED.test(display);
  const otc = OTC.test(display) && !controlled;
  items.push({
    name: nameOf(display),
    genericName: genericOf(display),
    form,
    strength: strengthOf(display),
    packSize: packOf(form, display),
    barcode: nextBarcode(),
    priceCents: priceOf(code, form),
    description: `RxNorm ${code}: ${raw}. Prescribed ${n} time${n === 1 ? "" : "s"} in the Synthea sample.`,
    controlled,
    otc,
    rxnormCode: code,
    reorderLevel: Math.min(40, 5 + n),
    reorderQuantity: Math.min(120, 20 + n * 2),
    prescribed: n,
  });
}

// Common counter items (no prescription), name / generic / form / strength / pack / price in cents.
const COUNTER: [string, string, Form, string, number, number][] = [
  ["Paracetamol 500 mg tablets", "acetaminophen", "TABLET", "500 mg", 16, 249],
  ["Ibuprofen 400 mg tablets", "ibuprofen", "TABLET", "400 mg", 24, 399],
  ["Cetirizine 10 mg tablets", "cetirizine hydrochloride", "TABLET", "10 mg", 30, 699],
  ["Loperamide 2 mg capsules", "loperamide hydrochloride", "CAPSULE", "2 mg", 12, 549],
  ["Omeprazole 20 mg capsules", "omeprazole", "CAPSULE", "20 mg", 14, 899],
  ["Famotidine 20 mg tablets", "famotidine", "TABLET", "20 mg", 25, 749],
  ["Antacid chewable tablets", "calcium carbonate", "TABLET", "750 mg", 48, 499],
  ["Saline nasal spray", "sodium chloride", "SPRAY", "0.65 %", 1, 429],
  ["Oral rehydration salts", "sodium chloride / glucose / potassium chloride", "OTHER", "sachet", 10, 649],
  ["Guaifenesin cough syrup", "guaifenesin", "SOLUTION", "100 mg/5 ml", 1, 799],
  ["Honey and lemon throat lozenges", "amylmetacresol / dichlorobenzyl alcohol", "OTHER", "0.6 mg / 1.2 mg", 24, 449],
  ["Vitamin C 1000 mg effervescent", "ascorbic acid", "TABLET", "1000 mg", 20, 599],
  ["Vitamin D3 1000 IU softgels", "cholecalciferol", "CAPSULE", "1000 IU", 90, 899],
  ["Zinc 25 mg tablets", "zinc gluconate", "TABLET", "25 mg", 60, 549],
  ["Multivitamin adult tablets", "multivitamin", "TABLET", "daily", 60, 1099],
  ["Melatonin 3 mg tablets", "melatonin", "TABLET", "3 mg", 60, 799],
  ["Magnesium 250 mg tablets", "magnesium oxide", "TABLET", "250 mg", 100, 699],
  ["Docusate 100 mg softgels", "docusate sodium", "CAPSULE", "100 mg", 30, 649],
  ["Bisacodyl 5 mg tablets", "bisacodyl", "TABLET", "5 mg", 25, 499],
  ["Simethicone 125 mg softgels", "simethicone", "CAPSULE", "125 mg", 18, 699],
  ["Clotrimazole 1% cream", "clotrimazole", "CREAM", "1 %", 1, 749],
  ["Hydrocortisone 1% cream", "hydrocortisone", "CREAM", "1 %", 1, 599],
  ["Povidone-iodine antiseptic solution", "povidone-iodine", "SOLUTION", "10 %", 1, 549],
  ["Adhesive bandages, assorted", "bandage", "DEVICE", "assorted", 40, 399],
  ["Digital thermometer", "thermometer", "DEVICE", "one", 1, 1299],
  ["Hand sanitizer gel", "ethyl alcohol", "SOLUTION", "70 %", 1, 349],
  ["Nicotine gum 2 mg", "nicotine polacrilex", "OTHER", "2 mg", 100, 2999],
  ["Artificial tears eye drops", "carboxymethylcellulose sodium", "SOLUTION", "0.5 %", 1, 899],
  ["Diclofenac 1% gel", "diclofenac sodium", "CREAM", "1 %", 1, 1149],
  ["Pregnancy test", "hCG test strip", "DEVICE", "one", 1, 899],
];
for (const [i, [name, genericName, form, strength, packSize, priceCents]] of COUNTER.entries()) {
  // Made-up EAN-13s with the "590" prefix and a valid check digit.
  items.push({
    name,
    genericName,
    form,
    strength,
    packSize,
    barcode: toEan13(`5901234${String(10_000 + i * 37).padStart(5, "0")}`),
    priceCents,
    description: `${name}, over the counter.`,
    controlled: false,
    otc: true,
    rxnormCode: null,
    reorderLevel: 10,
    reorderQuantity: 48,
    prescribed: 0,
  });
}

const out = join(root, "scripts", "db", "data", "pharmacy-catalogue.json");
writeFileSync(out, `${JSON.stringify({ source: "RxNorm-coded MedicationRequests of the Synthea FHIR R4 sample (../shared/fhir/synthea-r4), plus common over-the-counter items", items }, null, 1)}\n`);
console.log(`wrote ${items.length} items to ${out}`);
