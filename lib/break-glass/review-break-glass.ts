import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { patientOpener } from "@/lib/visits/sealing";
import { REASON_PURPOSE } from "./open-break-glass";
import { reviewBreakGlassSchema, type ReviewBreakGlassInput } from "./schemas";

/** The review queue: every emergency access, pending first, with the stated reason for the reviewer. */
export async function listBreakGlassEvents(actor: Actor | null) {
  authorize(actor, "break-glass:review");
  return db().$transaction(async (tx) => {
    const rows = await tx.breakGlassAccess.findMany({ orderBy: [{ review: "asc" }, { startedAt: "desc" }], take: 200 });
    const people = await tx.user.findMany({ where: { id: { in: [...new Set(rows.flatMap((r) => [r.doctorId, r.patientId, ...(r.reviewedById ? [r.reviewedById] : [])]))] } }, select: { id: true, name: true } });
    const name = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? "—") : null);
    const events = [];
    for (const r of rows) {
      const open = await patientOpener(tx, r.patientId);
      events.push({
        id: r.id,
        doctorName: name(r.doctorId)!,
        patientName: name(r.patientId)!,
        reason: open(REASON_PURPOSE(r.id), r.reasonCipher) ?? "",
        startedAt: r.startedAt,
        expiresAt: r.expiresAt,
        review: r.review,
        reviewedBy: name(r.reviewedById),
        reviewedAt: r.reviewedAt,
        reviewNote: r.reviewNote,
      });
    }
    await recordAudit(tx, { actor, action: "read", resourceType: "BreakGlassAccess", purpose: "break-glass review queue" });
    return events;
  });
}

/** An administrator marks an emergency access justified or not, once. */
export async function reviewBreakGlass(actor: Actor | null, input: ReviewBreakGlassInput) {
  authorize(actor, "break-glass:review");
  const { accessId, verdict, note } = reviewBreakGlassSchema.parse(input);
  await db().$transaction(async (tx) => {
    const row = await tx.breakGlassAccess.findUnique({ where: { id: accessId }, select: { patientId: true } });
    if (!row) throw new AppError("NOT_FOUND", "There is no such emergency access.");
    const { count } = await tx.breakGlassAccess.updateMany({
      where: { id: accessId, review: "PENDING" },
      data: { review: verdict, reviewedById: actor.userId, reviewedAt: new Date(), reviewNote: note || null },
    });
    if (count === 0) throw new AppError("CONFLICT", "This emergency access has already been reviewed.");
    await recordAudit(tx, { actor, patientId: row.patientId, action: "review", resourceType: "BreakGlassAccess", resourceId: accessId, purpose: `break-glass review: ${verdict.toLowerCase()}` });
  });
}
