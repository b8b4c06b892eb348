import "server-only";
import { db, isUniqueViolation } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/authz/policy";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import { invitationMail } from "@/lib/mail/templates";
import { ensureWallet } from "@/lib/wallets/ensure-wallet";
import { inviteStaffSchema, STAFF_ROLE_LABELS, type InviteStaffInput } from "./schemas";

export const INVITATION_DAYS = 7;

/** Staff accounts exist only this way: the admin fixes the role; the person signs in with the invited address. */
export async function inviteStaff(actor: Actor | null, input: InviteStaffInput): Promise<{ userId: string }> {
  authorize(actor, "staff:invite");
  const { email, name, role } = inviteStaffSchema.parse(input);
  const taken = () => new AppError("CONFLICT", "Someone already has an account with this email address.", { email: ["Already registered."] });
  const userId = await db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw taken();
    const user = await tx.user.create({ data: { email, name, role } });
    await ensureWallet(tx, user.id);
    await tx.invitation.create({
      data: { email, role, userId: user.id, invitedById: actor.userId, expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) },
    });
    await recordAudit(tx, { actor, action: "invite", resourceType: "User", resourceId: user.id, purpose: `invite ${role.toLowerCase()}` });
    return user.id;
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? taken() : error;
  });
  await sendMail({
    to: email,
    ...invitationMail({ roleLabel: STAFF_ROLE_LABELS[role], signInUrl: `${env().APP_URL}/signin`, days: INVITATION_DAYS }),
  });
  return { userId };
}
