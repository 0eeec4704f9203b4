// A browser session's user is read in one SQL statement with its AuthSession row (issue 18: Prisma's
// nested select made four round trips on every signed-in page); it must act exactly as
// `toActor(actorUserSelect())` says, and only while the session is live.
import { afterAll, describe, expect, it } from "vitest";
import { createApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { actorUserSelect, toActor } from "@/lib/staff/effective-role";
import { actorForSession } from "./current-actor";

afterAll(() => prisma.$disconnect());

const viaPrisma = async (userId: string) => toActor(await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: actorUserSelect() }));
const session = (userId: string, expiresAt = new Date(Date.now() + 3_600_000)) => prisma.authSession.create({ data: { userId, expiresAt } });

describe("actorForSession reads the actor as actorUserSelect does", () => {
  it("every role, a broker's portfolio and live grant", async () => {
    for (const role of ["COMPANY", "RESEARCHER", "BROKER", "ADMIN", "ANALYST"] as const) {
      const user = await createApiUser(role);
      if (role === "BROKER") {
        await prisma.brokerPortfolio.create({ data: { userId: user.actor.id, regions: ["深圳", "上海"], chainIds: ["t-ev"] } });
      }
      const s = await session(user.actor.id);
      const actor = await actorForSession({ uid: user.actor.id, sid: s.id });
      expect(actor).not.toBeNull();
      expect(actor).toEqual(await viaPrisma(user.actor.id));
      if (role === "BROKER") expect(actor?.brokerPortfolio).toEqual({ regions: ["深圳", "上海"], chainIds: ["t-ev"] });
    }
  });

  it("no actor for a revoked, expired or someone else's session, nor for a staff role without a live grant", async () => {
    const user = await createApiUser("RESEARCHER");
    const other = await createApiUser("COMPANY");
    const revoked = await session(user.actor.id);
    await prisma.authSession.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    expect(await actorForSession({ uid: user.actor.id, sid: revoked.id })).toBeNull();
    const expired = await session(user.actor.id, new Date(Date.now() - 1000));
    expect(await actorForSession({ uid: user.actor.id, sid: expired.id })).toBeNull();
    const live = await session(user.actor.id);
    expect(await actorForSession({ uid: other.actor.id, sid: live.id })).toBeNull();
    expect(await actorForSession({ uid: user.actor.id })).toBeNull();

    const lapsed = await createApiUser("BROKER");
    await prisma.staffRoleGrant.updateMany({ where: { userId: lapsed.actor.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    const s = await session(lapsed.actor.id);
    expect(await viaPrisma(lapsed.actor.id)).toBeNull();
    expect(await actorForSession({ uid: lapsed.actor.id, sid: s.id })).toBeNull();
  });
});
