import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { sendMail } from "@/lib/mail/send-mail";
import { signInLinkMail } from "@/lib/mail/templates";
import { localeOfUser } from "@/lib/i18n/translator";
import { isLocked, recordFailedSignIn, resetFailedSignIns } from "./lockout";
import { verifyPassword } from "./password";
import { signInSchema } from "@/lib/users/schemas";
import { safeRedirectPath } from "@/lib/security/safe-redirect";
import { actorUserSelect, toActor } from "@/lib/staff/effective-role";
import { isAuthSessionLive, openAuthSession, revokeAuthSession, AUTH_SESSION_MAX_AGE_S } from "./auth-sessions";

async function canAct(userId: string): Promise<boolean> {
  return toActor(await prisma.user.findUnique({ where: { id: userId }, select: actorUserSelect() })) !== null;
}

// next-auth v4 (stable). Credentials sign-in needs the JWT strategy; the JWT carries the id of a
// server-side AuthSession row so that sign-out revokes a copied cookie (see current-actor.ts).
export const authOptions: NextAuthOptions = {
  adapter: PrismaAdapter(prisma as never) as unknown as Adapter,
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: AUTH_SESSION_MAX_AGE_S },
  pages: { signIn: "/zh-CN/sign-in", verifyRequest: "/zh-CN/sign-in/check-email", error: "/zh-CN/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await prisma.user.findUnique({ where: { email: parsed.data.email } });
        if (!user?.passwordHash) return null;
        // A locked account refuses even the right password until the lock expires.
        if (isLocked(user)) throw new Error("AccountLocked");
        if (!(await verifyPassword(user.passwordHash, parsed.data.password))) {
          if (await recordFailedSignIn(user.id)) throw new Error("AccountLocked");
          return null;
        }
        await resetFailedSignIns(user);
        // Until the address is confirmed by a magic link, a password alone does not sign in.
        if (!user.emailVerified) throw new Error("EmailNotVerified");
        // A staff account whose grant was revoked or whose accreditation lapsed cannot sign in
        // (it could not act anyway: lib/staff/effective-role.ts).
        if (!(await canAct(user.id))) throw new Error("StaffRoleLapsed");
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    EmailProvider({
      server: env.SMTP_URL,
      from: env.MAIL_FROM,
      maxAge: 24 * 60 * 60,
      async sendVerificationRequest({ identifier, url }) {
        const user = await prisma.user.findUnique({ where: { email: identifier }, select: { locale: true } });
        // No account, no link (the request was answered like any other: see the signIn callback).
        if (!user) return;
        const mail = await signInLinkMail(localeOfUser(user.locale), url, new URL(url).host);
        await sendMail({ to: identifier, ...mail });
      },
    }),
  ],
  callbacks: {
    // Magic links go only to existing accounts: sign-up (with role and organisation) comes first.
    // Asking for a link gets the same answer for every address (next-auth would otherwise answer
    // an unknown one with error=AccessDenied, telling a script which addresses have accounts);
    // sendVerificationRequest then mails existing accounts only, and following a link still
    // requires the account.
    async signIn({ user, account, email }) {
      if (account?.provider !== "email") return true;
      if (email?.verificationRequest) return true;
      const existing = await prisma.user.findUnique({ where: { email: user.email ?? "" }, select: { id: true } });
      return existing !== null && (await canAct(existing.id));
    },
    // Every redirect next-auth makes (after sign-in by password or magic link, after sign-out)
    // goes through here: a callbackUrl that is not a path on this site lands on the home page.
    async redirect({ url, baseUrl }) {
      return new URL(safeRedirectPath(url, baseUrl, "/"), baseUrl).href;
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = await openAuthSession(user.id);
        return token;
      }
      // Every later read of the session (/api/auth/session, getServerSession) checks that it was
      // not signed out: a copied cookie then yields no session, and next-auth clears it.
      if (!(await isAuthSessionLive(token.sid, token.uid))) throw new Error("SessionRevoked");
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sid: token.sid };
    },
  },
  logger: {
    error(code, metadata) {
      // A replayed signed-out cookie (see the jwt callback) is refused by design: not a server error.
      if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === "SessionRevoked") {
        logger.info({ code }, "signed-out session cookie refused");
        return;
      }
      logger.error({ code, err: metadata }, "next-auth error");
    },
    warn(code) {
      logger.warn({ code }, "next-auth warning");
    },
    debug() {},
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeAuthSession(token.sid);
    },
  },
};
