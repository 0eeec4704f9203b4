// Issue 11, Roles: staff roles come only from a platform admin's grant, are audited, lapse with a
// broker's accreditation, and revoking one ends the user's sessions and API tokens at once.
// Invitations create only member roles that fit the organisation's kind, whatever is posted.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { encode, decode } from "next-auth/jwt";
import { afterAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ actor: null as import("@/lib/policy").MaybeActor }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next-intl/server", () => ({ getLocale: async () => "en", getTranslations: async () => Object.assign((key: string) => key, { has: () => true }) }));
vi.mock("@/lib/auth/current-actor", async (importOriginal) => ({ ...(await importOriginal<object>()), getCurrentActor: async () => session.actor }));

import { inviteMemberAction } from "@/app/[locale]/account/invite-actions";
import { acceptInvitationAction } from "@/app/[locale]/invitations/[token]/actions";
import { createApiUser, testStaffGrant } from "@/tests/kits/api-test-kit";
import { actorForSession } from "@/lib/auth/current-actor";
import { authOptions } from "@/lib/auth/options";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { wordFields } from "@/lib/errors-edge";
import { idleState } from "@/lib/forms/form-state";
import { inviteMember } from "@/lib/orgs/invite-member";
import { authenticateBearer } from "@/lib/tokens/authenticate-token";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { hashToken } from "@/lib/tokens/api-token";
import { parseInput } from "@/lib/validation/parse-input";
import { grantStaffRoleSchema } from "./schemas";
import { grantStaffRole, listStaffGrants, OPERATOR, revokeStaffRole } from "./staff-grants";

const secret = process.env.NEXTAUTH_SECRET!;
const nextYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
const bearer = (token: string) => authenticateBearer(`Bearer ${token}`);

/** A browser session as next-auth opens it (jwt callback), as a cookie value. */
async function openSession(userId: string): Promise<string> {
  const token = await authOptions.callbacks!.jwt!({ token: {}, user: { id: userId } as never, account: null } as never);
  return encode({ token, secret });
}
const sessionActor = async (cookie: string) => actorForSession((await decode({ token: cookie, secret })) as { uid?: unknown; sid?: unknown } | null);

async function thrown(run: () => Promise<unknown>): Promise<{ code: string; fields?: Record<string, string[]> }> {
  try {
    await run();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, fields: wordFields(e, "en") };
    throw e;
  }
  throw new Error("expected an AppError");
}

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

afterAll(async () => {
  await prisma.$disconnect();
});

describe("grant-role / revoke-role", () => {
  it("a broker grant needs the accreditation (certificate number, issuing body, valid until in the future)", () => {
    const base = { email: "x@example.cn", role: "BROKER", reason: "accredited broker" };
    const missing = parseInput(grantStaffRoleSchema, base, "en");
    expect(missing.ok).toBe(false);
    expect(Object.keys((missing as { fields: object }).fields).sort()).toEqual(["certificateIssuer", "certificateNo", "validUntil"]);
    const past = parseInput(grantStaffRoleSchema, { ...base, certificateNo: "N-1", certificateIssuer: "协会", validUntil: "2020-01-01" }, "en");
    expect((past as { fields: Record<string, string[]> }).fields.validUntil).toBeDefined();
    const impossible = parseInput(grantStaffRoleSchema, { ...base, certificateNo: "N-1", certificateIssuer: "协会", validUntil: "2031-02-30" }, "en");
    expect((impossible as { fields: Record<string, string[]> }).fields.validUntil).toBeDefined();
    expect(parseInput(grantStaffRoleSchema, { ...base, certificateNo: "N-1", certificateIssuer: "协会", validUntil: nextYear() }, "en").ok).toBe(true);
    // Not a staff role: refused by the schema.
    expect(parseInput(grantStaffRoleSchema, { ...base, role: "COMPANY" }, "en").ok).toBe(false);
    expect(parseInput(grantStaffRoleSchema, { email: "x@example.cn", role: "ANALYST", reason: "policy office" }, "en").ok).toBe(true);
  });

  it("an admin grants a researcher the broker role: audited, acting as broker at once on every surface", async () => {
    const admin = await createApiUser("ADMIN");
    const user = await createApiUser("RESEARCHER");
    const cookie = await openSession(user.actor.id);
    const input = {
      email: user.actor.email,
      role: "BROKER" as const,
      reason: "accredited 2026",
      certificateNo: "深技经-0042",
      certificateIssuer: "深圳市技术市场促进会",
      validUntil: nextYear(),
    };
    const { grantId } = await grantStaffRole(admin.actor, input, "198.51.100.1");

    expect((await bearer(user.token))?.role).toBe("BROKER");
    expect((await sessionActor(cookie))?.role).toBe("BROKER");
    const grant = await prisma.staffRoleGrant.findUniqueOrThrow({ where: { id: grantId } });
    expect(grant).toMatchObject({
      userId: user.actor.id,
      role: "BROKER",
      grantedById: admin.actor.id,
      reason: "accredited 2026",
      certificateNo: "深技经-0042",
      previousRole: "RESEARCHER",
      revokedAt: null,
    });
    expect(grant.validUntil!.toISOString()).toBe(new Date(`${input.validUntil}T23:59:59.999+08:00`).toISOString());
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "staff.grant", subject: `user:${user.actor.id}` } });
    expect(audit).toMatchObject({ actorId: admin.actor.id, ip: "198.51.100.1" });
    expect((await listStaffGrants(admin.actor)).find((g) => g.id === grantId)).toMatchObject({ state: "live", grantedBy: admin.actor.email });
  });

  it("revoking ends every session and API token at once, gives back the member role and is audited", async () => {
    const admin = await createApiUser("ADMIN");
    const user = await createApiUser("RESEARCHER");
    await grantStaffRole(
      OPERATOR,
      { email: user.actor.email, role: "BROKER", reason: "accredited", certificateNo: "N-7", certificateIssuer: "协会", validUntil: nextYear() },
      "en",
    );
    const brokerActor = (await bearer(user.token))!;
    expect(brokerActor.role).toBe("BROKER");
    const second = await createApiToken(brokerActor, "second");
    const cookies = [await openSession(user.actor.id), await openSession(user.actor.id)];
    for (const c of cookies) expect((await sessionActor(c))?.role).toBe("BROKER");

    const { grantIds } = await revokeStaffRole(admin.actor, { email: user.actor.email, reason: "certificate withdrawn" });

    for (const c of cookies) expect(await sessionActor(c)).toBeNull();
    expect(await bearer(user.token)).toBeNull();
    expect(await bearer(second.token)).toBeNull();
    expect(await prisma.authSession.count({ where: { userId: user.actor.id, revokedAt: null } })).toBe(0);
    expect(await prisma.apiToken.count({ where: { userId: user.actor.id, revokedAt: null } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.actor.id } })).role).toBe("RESEARCHER");
    const grant = await prisma.staffRoleGrant.findUniqueOrThrow({ where: { id: grantIds[0]! } });
    expect(grant).toMatchObject({ revokedById: admin.actor.id, revokeReason: "certificate withdrawn", grantedById: null });
    expect(await prisma.auditLog.count({ where: { action: "staff.revoke", subject: `user:${user.actor.id}`, actorId: admin.actor.id } })).toBe(1);
    // A new session is a researcher again, not a broker.
    expect((await sessionActor(await openSession(user.actor.id)))?.role).toBe("RESEARCHER");
    // Nothing left to revoke: a field error.
    expect(await thrown(() => revokeStaffRole(admin.actor, { email: user.actor.email, reason: "again" }))).toMatchObject({
      code: "VALIDATION",
      fields: { email: expect.any(Array) },
    });
  });

  it("an account created as staff (create-user) cannot act at all once its grant is revoked, nor sign in", async () => {
    const broker = await createApiUser("BROKER");
    const cookie = await openSession(broker.actor.id);
    await revokeStaffRole(OPERATOR, { email: broker.actor.email, reason: "left the office" }, "en");
    expect(await sessionActor(cookie)).toBeNull();
    expect(await bearer(broker.token)).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: broker.actor.id } })).role).toBe("BROKER");
    const magicLink = await authOptions.callbacks!.signIn!({ user: { email: broker.actor.email }, account: { provider: "email" } } as never);
    expect(magicLink).toBe(false);
  });

  it("a broker grant lapses with the accreditation's valid-until: no session or token acts as broker", async () => {
    const broker = await createApiUser("BROKER");
    const cookie = await openSession(broker.actor.id);
    expect((await bearer(broker.token))?.role).toBe("BROKER");
    // The accreditation ran out a second ago (time moves; the grant row is not touched by anyone).
    await prisma.staffRoleGrant.updateMany({ where: { userId: broker.actor.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    expect(await bearer(broker.token)).toBeNull();
    expect(await sessionActor(cookie)).toBeNull();
    const admin = await createApiUser("ADMIN");
    expect((await listStaffGrants(admin.actor)).find((g) => g.user.email === broker.actor.email)?.state).toBe("lapsed");
    // Granted again with a renewed certificate: acting again.
    await grantStaffRole(
      admin.actor,
      { email: broker.actor.email, role: "BROKER", reason: "renewed", certificateNo: "N-8", certificateIssuer: "协会", validUntil: nextYear() },
      "en",
    );
    expect((await bearer(broker.token))?.role).toBe("BROKER");
    expect(await prisma.staffRoleGrant.count({ where: { userId: broker.actor.id, revokedAt: null } })).toBe(1);
  });

  it("a staff account from before grants were recorded and never migrated cannot act", async () => {
    const company = await createApiUser("COMPANY");
    await prisma.user.update({ where: { id: company.actor.id }, data: { role: "BROKER" } });
    expect(await bearer(company.token)).toBeNull();
  });

  it("an admin can neither grant nor revoke their own role", async () => {
    const admin = await createApiUser("ADMIN");
    expect(await thrown(() => grantStaffRole(admin.actor, { email: admin.actor.email, role: "ANALYST", reason: "self" }))).toMatchObject({
      code: "VALIDATION",
    });
    expect(await thrown(() => revokeStaffRole(admin.actor, { email: admin.actor.email, reason: "self" }))).toMatchObject({ code: "VALIDATION" });
  });

  it("npm run admin -- grant-role / revoke-role (operator CLI)", async () => {
    const user = await createApiUser("RESEARCHER");
    const run = (...args: string[]) =>
      promisify(execFile)("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/admin.ts", ...args], { env: process.env }).then(
        (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
      );
    const refused = await run("grant-role", "--email", user.actor.email, "--role", "broker", "--reason", "no certificate");
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--cert-no/);
    expect(await prisma.staffRoleGrant.count({ where: { userId: user.actor.id } })).toBe(0);

    const granted = await run(
      "grant-role",
      "--email",
      user.actor.email,
      "--role",
      "broker",
      "--reason",
      "accredited",
      "--cert-no",
      "N-9",
      "--cert-issuer",
      "协会",
      "--valid-until",
      nextYear(),
    );
    expect(granted.code).toBe(0);
    expect((await bearer(user.token))?.role).toBe("BROKER");
    expect(await prisma.staffRoleGrant.findFirst({ where: { userId: user.actor.id, revokedAt: null } })).toMatchObject({
      grantedById: null,
      certificateNo: "N-9",
    });

    const revoked = await run("revoke-role", "--email", user.actor.email, "--reason", "test over");
    expect(revoked.code).toBe(0);
    expect(await bearer(user.token)).toBeNull();
    expect(await prisma.auditLog.count({ where: { subject: `user:${user.actor.id}`, action: { in: ["staff.grant", "staff.revoke"] }, actorId: null } })).toBe(
      2,
    );
  }, 120_000);
});

describe("invitations", () => {
  it("a company's admin cannot invite a broker: the posted BROKER is a field error and nothing is created", async () => {
    const company = await createApiUser("COMPANY");
    const email = `tampered-${Date.now()}@example.cn`;
    for (const role of ["BROKER", "ADMIN", "ANALYST", "RESEARCHER", "broker", ""]) {
      session.actor = company.actor;
      const state = await inviteMemberAction("en", idleState, form({ email, role }));
      expect(state.status).toBe("error");
      expect(Object.keys(state.fields ?? {})).toEqual(["role"]);
    }
    session.actor = null;
    // The service refuses it too, whatever its caller parsed.
    expect(await thrown(() => inviteMember(company.actor, { email, role: "BROKER" as never }, "en"))).toMatchObject({
      code: "VALIDATION",
      fields: { role: expect.any(Array) },
    });
    expect(await prisma.invitation.count({ where: { email } })).toBe(0);
  });

  it("the accept form cannot change the role: it comes from the invitation row, re-checked against the organisation's kind", async () => {
    const company = await createApiUser("COMPANY");
    const email = `invitee-${Date.now()}@example.cn`;
    session.actor = company.actor;
    expect((await inviteMemberAction("en", idleState, form({ email, role: "COMPANY" }))).status).toBe("success");
    session.actor = null;
    // The token is only in the mail: plant a known one on the row instead of reading the mail.
    const token = `accept-${Date.now()}`;
    await prisma.invitation.updateMany({ where: { email }, data: { tokenHash: hashToken(token) } });
    const state = await acceptInvitationAction(
      "en",
      idleState,
      form({ token, name: "Invitee", password: "long-enough-password", role: "BROKER", isOrgAdmin: "true", organisationId: "x" }),
    );
    expect(state.status).toBe("success");
    expect(await prisma.user.findUniqueOrThrow({ where: { email }, select: { role: true, isOrgAdmin: true, organisationId: true } })).toEqual({
      role: "COMPANY",
      isOrgAdmin: false,
      organisationId: company.organisationId,
    });
  });

  it("an invitation row with a staff role (written before the rule, or by hand) is refused at accept time", async () => {
    const tto = await createApiUser("BROKER");
    const email = `legacy-${Date.now()}@example.cn`;
    const token = `legacy-${Date.now()}`;
    await prisma.invitation.create({
      data: {
        email,
        role: "BROKER",
        organisationId: tto.organisationId,
        invitedById: tto.actor.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const state = await acceptInvitationAction("en", idleState, form({ token, name: "Legacy", password: "long-enough-password" }));
    expect(state.status).toBe("error");
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("test staff users get their grants through the grant writes", async () => {
    expect(testStaffGrant("BROKER")).toMatchObject({ certificateNo: expect.any(String) });
    const analyst = await createApiUser("ANALYST");
    expect((await bearer(analyst.token))?.role).toBe("ANALYST");
  });
});
