import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { AppError } from "@/lib/errors";
import { setRoleBudgetSchema, setUserBudgetSchema, type SetRoleBudgetInput, type SetUserBudgetInput } from "./schemas";

/** Sets the daily gas budget of every user of a role (those without an override). Audited. */
export async function setRoleBudget(actor: Actor | null, input: SetRoleBudgetInput): Promise<void> {
  authorize(actor, "sponsorship:manage");
  const { role, dailyGas } = setRoleBudgetSchema.parse(input);
  await db().$transaction(async (tx) => {
    const data = { dailyGas: BigInt(dailyGas), updatedById: actor.userId };
    await tx.sponsorshipBudget.upsert({ where: { role }, create: { role, ...data }, update: data });
    await recordAudit(tx, { actor, action: "update", resourceType: "SponsorshipBudget", resourceId: role, purpose: `daily gas budget ${dailyGas}` });
  });
}

/** Gives one user their own daily gas budget, or (with no amount) removes it so the role's applies. Audited. */
export async function setUserBudget(actor: Actor | null, input: SetUserBudgetInput): Promise<{ userId: string }> {
  authorize(actor, "sponsorship:manage");
  const { email, dailyGas } = setUserBudgetSchema.parse(input);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND", "No account has this email address.", { email: ["No account has this email address."] });
    if (dailyGas === null) {
      await tx.sponsorshipUserBudget.deleteMany({ where: { userId: user.id } });
    } else {
      const data = { dailyGas: BigInt(dailyGas), updatedById: actor.userId };
      await tx.sponsorshipUserBudget.upsert({ where: { userId: user.id }, create: { userId: user.id, ...data }, update: data });
    }
    await recordAudit(tx, {
      actor,
      action: dailyGas === null ? "delete" : "update",
      resourceType: "SponsorshipUserBudget",
      resourceId: user.id,
      purpose: dailyGas === null ? "remove daily gas budget override" : `daily gas budget override ${dailyGas}`,
    });
    return { userId: user.id };
  });
}
