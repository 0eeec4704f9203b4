// authenticateBearer records when a token was last used, but writes that row at most once per
// LAST_USED_RESOLUTION_MS: a busy API client's requests must not all write (and lock) one row.
import { afterAll, describe, expect, it, vi } from "vitest";
import { createApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { actorUserSelect, toActor } from "@/lib/staff/effective-role";
import { authenticateBearer, LAST_USED_RESOLUTION_MS } from "./authenticate-token";

afterAll(() => prisma.$disconnect());

const lastUsed = async (id: string) => (await prisma.apiToken.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true } })).lastUsedAt;

describe("authenticateBearer lastUsedAt", () => {
  it("sets lastUsedAt on first use, leaves it for a minute, then moves it again", async () => {
    const user = await createApiUser("RESEARCHER");
    expect(await lastUsed(user.tokenId)).toBeNull();

    expect((await authenticateBearer(`Bearer ${user.token}`))?.id).toBe(user.actor.id);
    await vi.waitFor(async () => expect(await lastUsed(user.tokenId)).not.toBeNull());
    const first = (await lastUsed(user.tokenId))!;

    // Many concurrent requests within the minute: no write is even attempted.
    const writes = vi.spyOn(prisma.apiToken, "updateMany");
    await Promise.all(Array.from({ length: 20 }, () => authenticateBearer(`Bearer ${user.token}`)));
    expect(writes).not.toHaveBeenCalled();
    writes.mockRestore();
    expect((await lastUsed(user.tokenId))!.getTime()).toBe(first.getTime());

    // Once it is older than the resolution, the next request moves it forward.
    const old = new Date(Date.now() - LAST_USED_RESOLUTION_MS - 1000);
    await prisma.apiToken.update({ where: { id: user.tokenId }, data: { lastUsedAt: old } });
    const write = vi.spyOn(prisma.apiToken, "updateMany");
    await authenticateBearer(`Bearer ${user.token}`);
    expect(write).toHaveBeenCalledTimes(1);
    write.mockRestore();
    await vi.waitFor(async () => expect((await lastUsed(user.tokenId))!.getTime()).toBeGreaterThan(first.getTime() - 1));
    expect((await lastUsed(user.tokenId))!.getTime()).toBeGreaterThan(old.getTime());
  });

  it("refuses unknown and revoked tokens", async () => {
    const user = await createApiUser("COMPANY");
    expect(await authenticateBearer("Bearer tb_pat_unknown")).toBeNull();
    await prisma.apiToken.update({ where: { id: user.tokenId }, data: { revokedAt: new Date() } });
    expect(await authenticateBearer(`Bearer ${user.token}`)).toBeNull();
  });
});

// The token's user is read in one SQL statement (issue 18: Prisma's nested select cost ~3 ms of
// server CPU per API request); it must act exactly as `toActor(actorUserSelect())` says.
describe("authenticateBearer reads the actor as actorUserSelect does", () => {
  const viaPrisma = async (userId: string) => toActor(await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: actorUserSelect() }));

  it("every role, a broker's portfolio and live grant", async () => {
    for (const role of ["COMPANY", "RESEARCHER", "BROKER", "ADMIN", "ANALYST"] as const) {
      const user = await createApiUser(role);
      if (role === "BROKER") {
        await prisma.brokerPortfolio.create({ data: { userId: user.actor.id, regions: ["深圳", "上海"], chainIds: ["t-ev"] } });
      }
      const actor = await authenticateBearer(`Bearer ${user.token}`);
      expect(actor).not.toBeNull();
      expect(actor).toEqual(await viaPrisma(user.actor.id));
      if (role === "BROKER") expect(actor?.brokerPortfolio).toEqual({ regions: ["深圳", "上海"], chainIds: ["t-ev"] });
    }
  });

  it("a staff role whose grant is revoked or whose accreditation lapsed does not act", async () => {
    const revoked = await createApiUser("ADMIN");
    await prisma.staffRoleGrant.updateMany({ where: { userId: revoked.actor.id }, data: { revokedAt: new Date() } });
    expect(await viaPrisma(revoked.actor.id)).toBeNull();
    expect(await authenticateBearer(`Bearer ${revoked.token}`)).toBeNull();

    const lapsed = await createApiUser("BROKER");
    await prisma.staffRoleGrant.updateMany({ where: { userId: lapsed.actor.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    expect(await viaPrisma(lapsed.actor.id)).toBeNull();
    expect(await authenticateBearer(`Bearer ${lapsed.token}`)).toBeNull();
  });
});
