// Asking for a magic link must not tell a script whether the address has an account: next-auth
// answers a refused signIn callback with error=AccessDenied, so the callback lets every link
// request through and only existing accounts are mailed; following a link still needs one.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiUser } from "@/tests/kits/api-test-kit";
import { authOptions } from "@/lib/auth/options";
import { prisma } from "@/lib/db";

type SignInArgs = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>["signIn"]>>[0];
const signInCallback = (email: string, verificationRequest: boolean) =>
  authOptions.callbacks!.signIn!({
    user: { id: email, email },
    account: { provider: "email", type: "email", providerAccountId: email },
    email: { verificationRequest },
  } as SignInArgs);
const emailProvider = authOptions.providers.find((p) => p.id === "email") as unknown as {
  options: { sendVerificationRequest: (p: { identifier: string; url: string }) => Promise<void> };
};
const inbox = async (to: string) => (await (await fetch(`${process.env.MAIL_SINK_URL}/messages?to=${encodeURIComponent(to)}`)).json()) as { text: string }[];

let known: string;
const unknown = `nobody-${randomBytes(4).toString("hex")}@example.cn`;

beforeAll(async () => {
  known = (await createApiUser("RESEARCHER")).actor.email!;
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("magic-link requests", () => {
  it("are let through for a known and an unknown address alike", async () => {
    expect(await signInCallback(known, true)).toBe(true);
    expect(await signInCallback(unknown, true)).toBe(true);
  });

  it("mail the link to an existing account only", async () => {
    const link = (to: string) => `${process.env.NEXTAUTH_URL}/api/auth/callback/email?token=t${randomBytes(4).toString("hex")}&email=${encodeURIComponent(to)}`;
    await emailProvider.options.sendVerificationRequest({ identifier: known, url: link(known) });
    await emailProvider.options.sendVerificationRequest({ identifier: unknown, url: link(unknown) });
    expect(await inbox(known)).toHaveLength(1);
    expect(await inbox(unknown)).toEqual([]);
  });

  it("following a link still needs an existing account (no account is made by email sign-in)", async () => {
    expect(await signInCallback(known, false)).toBe(true);
    expect(await signInCallback(unknown, false)).toBe(false);
  });
});
