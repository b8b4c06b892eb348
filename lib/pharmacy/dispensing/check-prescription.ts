import "server-only";
import type { Hex } from "viem";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prescription } from "@/lib/generated/prisma/client";
import { rxCodeSchema } from "@/lib/prescriptions/schemas";
import { RX_INSTRUCTIONS_PURPOSE } from "@/lib/prescriptions/sign-prescription";
import { rxHashOf } from "@/lib/prescriptions/rx-identity";
import { patientOpener } from "@/lib/visits/sealing";
import type { RxAnchor } from "./registry-reader";

export interface Check {
  label: string;
  ok: boolean;
  detail: string;
}

/** Where the prescription's fills stand, from this pharmacy's dispense records. */
export interface FillState {
  fillsAllowed: number;
  /** Fills begun here (a partly filled one counts). */
  fillsStarted: number;
  packsPerFill: number;
  /** The fill to dispense next and the part of it, or null when nothing is left. */
  next: { fillNumber: number; part: number; due: number } | null;
  lastDispensedAt: Date | null;
}

/**
 * Packs one fill needs. Doctors prescribe tablets and capsules by the unit (30 tablets) and everything else by the
 * item (1 inhaler, 1 bottle); the pharmacy hands over whole packs.
 */
export function packsPerFill(prescribed: number, drug: { form: string; packSize: number }): number {
  return drug.form === "TABLET" || drug.form === "CAPSULE" ? Math.ceil(prescribed / drug.packSize) : prescribed;
}

export async function fillStateOf(tx: Tx, rx: Pick<Prescription, "id" | "refills" | "quantity" | "drugId">): Promise<FillState> {
  const drug = await tx.drug.findUnique({ where: { id: rx.drugId }, select: { form: true, packSize: true } });
  const perFill = drug ? packsPerFill(rx.quantity, drug) : rx.quantity;
  const parts = await tx.dispense.findMany({ where: { prescriptionId: rx.id }, orderBy: [{ fillNumber: "desc" }, { part: "desc" }], take: 1 });
  const last = parts[0];
  const fillsAllowed = rx.refills + 1;
  const fillsStarted = last?.fillNumber ?? 0;
  let next: FillState["next"];
  if (last && last.owed > 0) next = { fillNumber: last.fillNumber, part: last.part + 1, due: last.owed };
  else if (fillsStarted < fillsAllowed) next = { fillNumber: fillsStarted + 1, part: 1, due: perFill };
  else next = null;
  return { fillsAllowed, fillsStarted, packsPerFill: perFill, next, lastDispensedAt: last?.createdAt ?? null };
}

/** The prescription by its code, locked for the rest of the transaction when `lock` is set. */
export async function prescriptionByCode(tx: Tx, rawCode: string, lock: boolean): Promise<Prescription> {
  const parsed = rxCodeSchema.safeParse(rawCode);
  if (!parsed.success) throw new AppError("VALIDATION", "That is not a prescription code (RX-XXXX-XXXX-XXXX).", { code: ["Scan the QR code or type the code."] });
  if (lock) await tx.$queryRaw`SELECT 1 FROM "Prescription" WHERE "code" = ${parsed.data} FOR UPDATE`;
  const rx = await tx.prescription.findUnique({ where: { code: parsed.data } });
  if (!rx) throw new AppError("NOT_FOUND", "There is no prescription with this code.", { code: ["No such prescription."] });
  return rx;
}

/**
 * The checks before filling: signed by a doctor who is verified on chain, unchanged (the hash recomputed from the
 * record matches the one anchored on chain), not cancelled, not expired, fills left, and not dispensed elsewhere
 * (the chain has counted no more fills than this pharmacy recorded).
 */
export async function checkPrescription(tx: Tx, rx: Prescription, anchor: RxAnchor | null, fills: FillState): Promise<Check[]> {
  const open = await patientOpener(tx, rx.patientId);
  const instructions = open(RX_INSTRUCTIONS_PURPOSE(rx.code), rx.instructionsCipher) ?? "";
  const content = {
    code: rx.code,
    patientId: rx.patientId,
    doctorId: rx.doctorId,
    drugId: rx.drugId,
    drugName: rx.drugName,
    dose: rx.dose,
    route: rx.route,
    frequency: rx.frequency,
    durationDays: rx.durationDays,
    quantity: rx.quantity,
    refills: rx.refills,
    instructions,
    signedAt: rx.signedAt,
    expiresAt: rx.expiresAt,
  };
  const recomputed = rxHashOf(content, rx.rxSalt as Hex);
  const doctor = await tx.user.findUnique({ where: { id: rx.doctorId }, select: { role: true, status: true, name: true } });
  const now = new Date();
  const doctorOk = doctor?.role === "DOCTOR" && doctor.status === "ACTIVE";
  return [
    {
      label: "Signed by a verified doctor",
      ok: doctorOk && Boolean(anchor?.prescriberVerified),
      detail: !doctorOk
        ? "The prescriber is not an active doctor of the clinic."
        : !anchor
          ? "Not yet anchored on chain, so the signature cannot be checked."
          : anchor.prescriberVerified
            ? `${doctor?.name ?? "The doctor"} is a verified clinician on chain.`
            : "The prescriber is not a verified clinician on chain.",
    },
    {
      label: "Unchanged since signing",
      ok: recomputed === rx.rxHash && anchor !== null,
      detail:
        recomputed !== rx.rxHash
          ? "The record does not match its signed hash: it has been altered."
          : anchor
            ? "Its hash matches the one anchored on chain."
            : "Its hash is not on chain (yet): wait for the anchoring to confirm.",
    },
    {
      label: "Not cancelled",
      ok: rx.status === "SIGNED" && !anchor?.cancelled,
      detail: rx.status === "SIGNED" && !anchor?.cancelled ? "Still valid." : "The doctor cancelled it.",
    },
    {
      label: "Not expired",
      ok: rx.expiresAt > now,
      detail: rx.expiresAt > now ? `Valid until ${rx.expiresAt.toISOString().slice(0, 10)}.` : `Expired on ${rx.expiresAt.toISOString().slice(0, 10)}.`,
    },
    {
      label: "Fills left",
      ok: fills.next !== null,
      detail: fills.next
        ? fills.next.part > 1
          ? `Fill ${fills.next.fillNumber} of ${fills.fillsAllowed} is partly dispensed: ${fills.next.due} still owed.`
          : `Fill ${fills.next.fillNumber} of ${fills.fillsAllowed}.`
        : `Already dispensed in full: all ${fills.fillsAllowed} fill${fills.fillsAllowed === 1 ? "" : "s"} used${fills.lastDispensedAt ? `, last on ${fills.lastDispensedAt.toISOString().slice(0, 10)}` : ""}.`,
    },
    {
      label: "Not dispensed elsewhere",
      ok: !anchor || anchor.fillsUsed <= fills.fillsStarted,
      detail:
        anchor && anchor.fillsUsed > fills.fillsStarted
          ? `The chain records ${anchor.fillsUsed} fill${anchor.fillsUsed === 1 ? "" : "s"}, ${anchor.fillsUsed - fills.fillsStarted} of them at another pharmacy.`
          : "No fill recorded at another pharmacy.",
    },
  ];
}
