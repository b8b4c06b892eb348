import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ROLES } from "@/lib/authz/actor";
import { createActor } from "@/test/factories";
import { endOtherSessions, listMySessions } from "./sessions";

const anotherSession = (userId: string, expires = new Date(Date.now() + 86_400_000)) =>
  db().session.create({ data: { sessionToken: randomUUID(), userId, expires } });

describe("own sessions", () => {
  it.each(ROLES)("a %s sees only their own live sessions, the current one marked", async (role) => {
    const actor = await createActor(role);
    const other = await anotherSession(actor.userId);
    await anotherSession(actor.userId, new Date(Date.now() - 1_000));
    await createActor(role);
    const sessions = await listMySessions(actor);
    expect(sessions.map((s) => s.id).sort()).toEqual([actor.sessionId, other.id].sort());
    expect(sessions.filter((s) => s.current).map((s) => s.id)).toEqual([actor.sessionId]);
  });

  it.each(ROLES)("a %s can end their other sessions, keeping the current one and everyone else's", async (role) => {
    const actor = await createActor(role);
    await anotherSession(actor.userId);
    await anotherSession(actor.userId);
    const bystander = await createActor(role);
    expect(await endOtherSessions(actor)).toBe(2);
    expect((await db().session.findMany({ where: { userId: actor.userId } })).map((s) => s.id)).toEqual([actor.sessionId]);
    expect(await db().session.count({ where: { userId: bystander.userId } })).toBe(1);
  });

  it("nobody signed in is UNAUTHENTICATED", async () => {
    await expect(listMySessions(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(endOtherSessions(null)).rejects.toBeInstanceOf(AppError);
  });
});
