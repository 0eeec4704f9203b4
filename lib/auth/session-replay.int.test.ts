// Issue 4, test 3: a copied session cookie stops working after sign-out. The cookie is minted and
// read exactly as next-auth v4 does (its jwt callback opens the AuthSession, next-auth/jwt
// encodes the cookie value); sign-out runs next-auth's signOut event. The browser-level replay
// is in e2e/confidential-need.spec.ts.
import { decode, encode } from "next-auth/jwt";
import { afterAll, describe, expect, it } from "vitest";
import { createApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { actorForSession } from "./current-actor";
import { authOptions } from "./options";

const secret = process.env.NEXTAUTH_SECRET!;

async function signIn(userId: string): Promise<string> {
  const token = await authOptions.callbacks!.jwt!({ token: {}, user: { id: userId } as never, account: null } as never);
  return encode({ token, secret });
}

const replay = async (cookie: string) => actorForSession((await decode({ token: cookie, secret })) as { uid?: unknown; sid?: unknown } | null);

afterAll(async () => {
  await prisma.$disconnect();
});

describe("logged-out session replay", () => {
  it("a copied session cookie works until sign-out, then never again", async () => {
    const { actor } = await createApiUser("RESEARCHER");
    const cookie = await signIn(actor.id);
    const copy = `${cookie}`;
    expect((await replay(copy))?.id).toBe(actor.id);

    await authOptions.events!.signOut!({ token: (await decode({ token: cookie, secret }))!, session: undefined as never });
    expect(await replay(cookie)).toBeNull();
    expect(await replay(copy)).toBeNull();
  });

  it("next-auth's own session reads (/api/auth/session, getServerSession) refuse a signed-out cookie", async () => {
    const { actor } = await createApiUser("RESEARCHER");
    const cookie = await signIn(actor.id);
    const refresh = async () => authOptions.callbacks!.jwt!({ token: (await decode({ token: cookie, secret }))! } as never);
    await expect(refresh()).resolves.toMatchObject({ uid: actor.id });
    await authOptions.events!.signOut!({ token: (await decode({ token: cookie, secret }))!, session: undefined as never });
    await expect(refresh()).rejects.toThrow("SessionRevoked");
  });

  it("signing out one browser leaves the user's other sessions alive", async () => {
    const { actor } = await createApiUser("COMPANY");
    const [laptop, phone] = [await signIn(actor.id), await signIn(actor.id)];
    await authOptions.events!.signOut!({ token: (await decode({ token: laptop, secret }))!, session: undefined as never });
    expect(await replay(laptop)).toBeNull();
    expect((await replay(phone))?.id).toBe(actor.id);
  });

  it("a forged cookie (wrong secret) or an expired session is refused", async () => {
    const { actor } = await createApiUser("COMPANY");
    const cookie = await signIn(actor.id);
    const forged = await encode({ token: { uid: actor.id, sid: "not-a-session" }, secret });
    expect(await replay(forged)).toBeNull();
    await expect(decode({ token: cookie, secret: `${secret}x` })).rejects.toThrow();
    const claims = (await decode({ token: cookie, secret })) as { sid: string };
    await prisma.authSession.update({ where: { id: claims.sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await replay(cookie)).toBeNull();
  });
});
