import "server-only";
import type { Actor } from "@/lib/authz/actor";
import type { Tx } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { getDrugStockAndPrice } from "@/lib/pharmacy/catalogue/get-drug-stock-and-price";
import { getMedicalHistory } from "@/lib/records/get-medical-history";
import { allergyWarnings, interactionWarnings, type RxWarning } from "./warnings";

/** The open or signed visit of this doctor a prescription belongs to. */
export async function prescribingVisit(tx: Tx, actor: Actor, visitId: string) {
  const visit = await tx.visit.findUnique({ where: { id: visitId }, select: { id: true, doctorId: true, patientId: true } });
  if (!visit) throw new AppError("NOT_FOUND", "There is no such visit.");
  if (visit.doctorId !== actor.userId) throw new AppError("FORBIDDEN", "Prescribe from a visit of your own.");
  return visit;
}

/**
 * What the doctor must see before signing: the drug with its price and stock (the pharmacy's catalogue functions),
 * and warnings for recorded allergies (the records domain, read under the patient's consent) and for interactions
 * with active medications and prescriptions (the curated table).
 */
export async function prescribingContext(tx: Tx, actor: Actor, patientId: string, drugId: string) {
  const drug = await tx.drug.findFirst({ where: { id: drugId, active: true }, select: { id: true, name: true, genericName: true, strength: true, form: true, controlled: true } });
  if (!drug) throw new AppError("VALIDATION", "Choose a drug from the catalogue.", { drugId: ["Choose a drug from the catalogue."] });
  const [stock] = await getDrugStockAndPrice(actor, [drugId]);
  const warnings: RxWarning[] = [];
  let allergies: string[] = [];
  let medications: string[] = [];
  try {
    const history = await getMedicalHistory(actor, patientId, { kinds: ["ALLERGY", "MEDICATION"] });
    const section = (kind: string) => history.find((s) => s.kind === kind);
    const allergySection = section("ALLERGY");
    if (!allergySection?.allowed) warnings.push({ kind: "unknown-allergies", severity: "info", message: "Allergies not checked: you have no consent to see this patient's allergies." });
    allergies = (allergySection?.entries ?? []).filter((e) => !e.status || !/inactive|resolved|refuted|entered-in-error/i.test(e.status)).map((e) => e.display);
    medications = (section("MEDICATION")?.entries ?? []).filter((e) => !e.status || /active/i.test(e.status)).map((e) => e.display);
  } catch (error) {
    if (!isAppError(error) || error.code !== "FORBIDDEN") throw error;
    warnings.push({ kind: "unknown-allergies", severity: "info", message: "Allergies and current medications not checked: you have no consent to see this patient's record." });
  }
  const active = await tx.prescription.findMany({ where: { patientId, status: "SIGNED", expiresAt: { gt: new Date() } }, select: { drugName: true } });
  warnings.push(...allergyWarnings(drug, allergies), ...interactionWarnings(drug, [...medications, ...active.map((p) => p.drugName)]));
  return { drug: { ...drug, priceCents: stock?.priceCents ?? null, onHand: stock?.onHand ?? 0, nextExpiry: stock?.nextExpiry ?? null }, warnings };
}
