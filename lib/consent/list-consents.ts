import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";

export type ChainStatus = "pending" | "confirmed" | "failed";

export interface ConsentView {
  id: string;
  doctorName: string;
  specialty: string | null;
  scope: string;
  expiresAt: Date;
  expired: boolean;
  source: "PORTAL" | "CHAIN";
  revokedAt: Date | null;
  /** The on-chain state of the latest change: the revocation once revoked, the grant before. */
  chainStatus: ChainStatus;
  txHash: string | null;
}

/** The patient's consents: live ones first, then the latest revoked ones. Reading one's own consents is not audited. */
export async function listMyConsents(actor: Actor | null): Promise<ConsentView[]> {
  authorize(actor, "consent:manage-own");
  const rows = await db().consent.findMany({
    where: { patientId: actor.userId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 50,
  });
  const doctors = await db().user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.granteeId))] } },
    select: { id: true, name: true, email: true, doctorProfile: { select: { specialty: true } } },
  });
  const now = Date.now();
  return rows.map((r) => {
    const doctor = doctors.find((d) => d.id === r.granteeId);
    const status = r.revokedAt ? r.revokeStatus! : r.grantStatus;
    return {
      id: r.id,
      doctorName: doctor?.name ?? doctor?.email ?? "Unknown",
      specialty: doctor?.doctorProfile?.specialty ?? null,
      scope: r.scope,
      expiresAt: r.expiresAt,
      expired: r.expiresAt.getTime() <= now,
      source: r.source,
      revokedAt: r.revokedAt,
      chainStatus: status.toLowerCase() as ChainStatus,
      txHash: r.revokedAt ? r.revokeTxHash : r.grantTxHash,
    };
  });
}
