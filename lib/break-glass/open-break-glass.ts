import "server-only";
import { randomUUID } from "node:crypto";
import { encodeFunctionData, keccak256, toBytes, type Address } from "viem";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { consentRegistryAbi } from "@/lib/chain/abi";
import type { ChainDeployment } from "@/lib/chain/deployments";
import { consentRegistryOf } from "@/lib/consent/registry";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import { escape, layout } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/send";
import { enqueueOnchainOp } from "@/lib/outbox/enqueue";
import { sealForPatient } from "@/lib/visits/sealing";
import { ensureWallet } from "@/lib/wallets/ensure-wallet";
import { openBreakGlassSchema, type OpenBreakGlassInput } from "./schemas";

export const REASON_PURPOSE = (accessId: string) => `break-glass-reason:${accessId}`;

/** What goes on chain: a hash of the access id and the reason, which says nothing and cannot be guessed back. */
export const reasonHashOf = (accessId: string, reason: string) => keccak256(toBytes(`${accessId}:${reason}`));

/**
 * Emergency access to a chart without the patient's consent. The doctor states why; access lasts
 * BREAK_GLASS_MINUTES; in one transaction the event is stored (reason sealed), audited, queued for an admin's
 * review, and ConsentRegistry.breakGlass(patient, reasonHash, duration) is put in the doctor's outbox with the same
 * duration, so the chain's breakGlassUntil is the portal's expiresAt plus however long delivery took (seconds when
 * the outbox is healthy). The patient is emailed.
 */
export async function openBreakGlass(actor: Actor | null, input: OpenBreakGlassInput, chain?: Pick<ChainDeployment, "contracts">) {
  authorize(actor, "break-glass:open");
  const { patientId, reason } = openBreakGlassSchema.parse(input);
  const registry: Address = consentRegistryOf(chain);
  const patient = await db().user.findFirst({ where: { id: patientId, role: "PATIENT" }, select: { id: true, email: true } });
  if (!patient) throw new AppError("NOT_FOUND", "There is no such patient.");
  const doctor = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
  const access = await db().$transaction(async (tx) => {
    const id = randomUUID();
    const startedAt = new Date();
    const durationSeconds = env().BREAK_GLASS_MINUTES * 60;
    const expiresAt = new Date(startedAt.getTime() + durationSeconds * 1000);
    const reasonHash = reasonHashOf(id, reason);
    const patientWallet = await ensureWallet(tx, patientId);
    await tx.breakGlassAccess.create({
      data: { id, doctorId: actor.userId, patientId, reasonCipher: await sealForPatient(tx, patientId, REASON_PURPOSE(id), reason), reasonHash, startedAt, expiresAt },
    });
    const op = await enqueueOnchainOp(tx, {
      userId: actor.userId,
      kind: "consent.break-glass",
      calls: [{ to: registry, data: encodeFunctionData({ abi: consentRegistryAbi, functionName: "breakGlass", args: [patientWallet.address, reasonHash, BigInt(durationSeconds)] }) }],
      refType: "BreakGlassAccess",
      refId: id,
    });
    const row = await tx.breakGlassAccess.update({ where: { id }, data: { chainOpId: op.id } });
    await recordAudit(tx, { actor, patientId, action: "break-glass", resourceType: "Patient", resourceId: id, purpose: `emergency access until ${expiresAt.toISOString()}` });
    return row;
  });
  await sendMail(breakGlassMail({ to: patient.email, doctorName: doctor.name ?? "A doctor", until: access.expiresAt })).catch((error: unknown) =>
    log.error("break-glass email failed", { accessId: access.id, ...errorFields(error) }),
  );
  return access;
}

function breakGlassMail(input: { to: string; doctorName: string; until: Date }) {
  const until = new Intl.DateTimeFormat("en-US", { timeZone: env().CLINIC_TIME_ZONE, dateStyle: "medium", timeStyle: "short" }).format(input.until);
  const link = `${env().APP_URL}/patient/access-log`;
  const heading = "Emergency access to your record";
  return {
    to: input.to,
    subject: "A doctor opened your record in an emergency",
    text: [
      heading,
      "",
      `${input.doctorName} opened your record without your consent, stating an emergency. This access ends at ${until}.`,
      "An administrator reviews every emergency access. You can see who looked at your record, and when:",
      link,
    ].join("\n"),
    html: layout(
      heading,
      `<h1 style="font-size:20px;margin:0 0 16px">${escape(heading)}</h1>
<p style="margin:0 0 16px">${escape(input.doctorName)} opened your record without your consent, stating an emergency. This access ends at ${escape(until)}.</p>
<p style="margin:0 0 24px">An administrator reviews every emergency access.</p>
<p style="margin:0"><a href="${escape(link)}" style="color:#0f766e">See who looked at your record</a></p>`,
    ),
  };
}
