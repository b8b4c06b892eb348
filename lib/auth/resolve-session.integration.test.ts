import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createActor } from "@/test/factories";
import { resolveSession } from "./resolve-session";

const minutes = (n: number) => n * 60_000;

async function tokenOf(sessionId: string): Promise<string> {
  const session = await db().session.findUniqueOrThrow({ where: { id: sessionId } });
  return session.sessionToken;
}

/** A session last seen `idle` ago, as of `now`. */
async function idleSession(role: "PATIENT" | "DOCTOR" | "PHARMACIST" | "ADMIN", idleMs: number, now: Date) {
  const actor = await createActor(role);
  await db().session.update({ where: { id: actor.sessionId }, data: { lastSeenAt: new Date(now.getTime() - idleMs) } });
  return { actor, token: await tokenOf(actor.sessionId) };
}

describe("resolveSession: sessions end after inactivity, per role", () => {
  const now = new Date();

  it.each(["DOCTOR", "PHARMACIST", "ADMIN"] as const)("a %s session idle for 16 minutes is ended (staff: 15)", async (role) => {
    const { actor, token } = await idleSession(role, minutes(16), now);
    expect(await resolveSession(token, now)).toBeNull();
    expect(await db().session.count({ where: { id: actor.sessionId } })).toBe(0);
  });

  it("a staff session idle for 14 minutes lives on and is marked as seen now", async () => {
    const { actor, token } = await idleSession("DOCTOR", minutes(14), now);
    const user = await resolveSession(token, now);
    expect(user).toMatchObject({ userId: actor.userId, role: "DOCTOR", sessionId: actor.sessionId });
    const session = await db().session.findUniqueOrThrow({ where: { id: actor.sessionId } });
    expect(session.lastSeenAt.getTime()).toBe(now.getTime());
  });

  it("a patient session idle for 16 minutes lives on, and one idle for 61 minutes is ended (patients: 60)", async () => {
    const fresh = await idleSession("PATIENT", minutes(16), now);
    expect(await resolveSession(fresh.token, now)).toMatchObject({ userId: fresh.actor.userId, onboarded: true });
    const stale = await idleSession("PATIENT", minutes(61), now);
    expect(await resolveSession(stale.token, now)).toBeNull();
  });

  it("a session of a disabled account, an expired session and an unknown token give nobody", async () => {
    const disabled = await idleSession("PHARMACIST", 0, now);
    await db().user.update({ where: { id: disabled.actor.userId }, data: { status: "DISABLED" } });
    expect(await resolveSession(disabled.token, now)).toBeNull();

    const expired = await idleSession("PATIENT", 0, now);
    await db().session.update({ where: { id: expired.actor.sessionId }, data: { expires: new Date(now.getTime() - 1) } });
    expect(await resolveSession(expired.token, now)).toBeNull();

    expect(await resolveSession("no-such-token", now)).toBeNull();
  });

  it("a patient who has not onboarded yet is flagged so the areas send them to onboarding", async () => {
    const actor = await createActor("PATIENT", { onboarded: false });
    expect(await resolveSession(await tokenOf(actor.sessionId), now)).toMatchObject({ onboarded: false });
  });
});
