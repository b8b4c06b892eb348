import "server-only";
import { db } from "@/lib/db";
import type { Actor, Role } from "@/lib/authz/actor";
import { ROLES } from "@/lib/authz/actor";
import { authorize } from "@/lib/authz/policy";
import { utcDay } from "./budget";

export interface SponsorshipOverview {
  day: Date;
  roles: { role: Role; dailyGas: bigint; spentToday: bigint; usersToday: number }[];
  /** Users with spending today or an override, most spending first. */
  users: { userId: string; email: string; name: string | null; role: Role; spentToday: bigint; ops: number; limit: bigint; override: bigint | null }[];
}

/** Today's sponsored gas per role and per user, and the budgets, for the admins' sponsorship page. */
export async function getSponsorshipOverview(actor: Actor | null, at = new Date()): Promise<SponsorshipOverview> {
  authorize(actor, "sponsorship:manage");
  const day = utcDay(at);
  const [budgets, overrides, spends] = await Promise.all([
    db().sponsorshipBudget.findMany(),
    db().sponsorshipUserBudget.findMany(),
    db().sponsorshipSpend.findMany({ where: { day } }),
  ]);
  const userIds = [...new Set([...overrides.map((o) => o.userId), ...spends.map((s) => s.userId)])];
  const people = await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, name: true, role: true } });
  const roleBudget = new Map(budgets.map((b) => [b.role, b.dailyGas]));
  const users = people
    .map((p) => {
      const spend = spends.find((s) => s.userId === p.id);
      const override = overrides.find((o) => o.userId === p.id)?.dailyGas ?? null;
      return {
        userId: p.id,
        email: p.email,
        name: p.name,
        role: p.role,
        spentToday: spend?.gasUsed ?? 0n,
        ops: spend?.ops ?? 0,
        override,
        limit: override ?? roleBudget.get(p.role) ?? 0n,
      };
    })
    .sort((a, b) => (b.spentToday > a.spentToday ? 1 : b.spentToday < a.spentToday ? -1 : a.email.localeCompare(b.email)));
  const roles = ROLES.map((role) => {
    const ofRole = users.filter((u) => u.role === role && u.ops > 0);
    return { role, dailyGas: roleBudget.get(role) ?? 0n, spentToday: ofRole.reduce((n, u) => n + u.spentToday, 0n), usersToday: ofRole.length };
  });
  return { day, roles, users };
}
