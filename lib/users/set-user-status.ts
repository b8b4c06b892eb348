import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { setUserStatusSchema } from "./schemas";

/** Disabling an account also ends its sessions at once. An admin cannot disable themself. */
export async function setUserStatus(actor: Actor | null, input: { userId: string; status: "ACTIVE" | "DISABLED" }): Promise<void> {
  authorize(actor, "users:disable");
  const { userId, status } = setUserStatusSchema.parse(input);
  if (userId === actor.userId) throw new AppError("CONFLICT", "You cannot disable your own account.");
  await db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { status } });
    if (count === 0) throw new AppError("NOT_FOUND", "There is no such user.");
    if (status === "DISABLED") await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, { actor, action: status === "DISABLED" ? "disable" : "enable", resourceType: "User", resourceId: userId, purpose: "account administration" });
  });
}
