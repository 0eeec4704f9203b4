// Issue 11: sign-up and the invite form must not tell whether an address has an account. The
// server actions answer a new and a registered address identically; the account holder learns of
// the attempt by mail, and nothing about the existing account changes.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ actor: null as import("@/lib/policy").MaybeActor }));
vi.mock("@/lib/auth/current-actor", () => ({ getCurrentActor: async () => session.actor }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((key: string) => key, { has: () => true }) }));

import { inviteMemberAction } from "@/app/[locale]/account/invite-actions";
import { signUpAction } from "@/app/[locale]/sign-up/actions";
import { runJobs } from "@/tests/kits/access-test-kit";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { idleState, type FormState } from "@/lib/forms/form-state";

type Mail = { subject: string; text: string };
async function inbox(to: string): Promise<Mail[]> {
  const res = await fetch(`${process.env.MAIL_SINK_URL}/messages?to=${encodeURIComponent(to)}`);
  return (await res.json()) as Mail[];
}
const id = () => randomBytes(4).toString("hex");
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const signUpForm = (email: string, org = `枚举测试机构 ${id()}`) =>
  form({ name: "王工", email, password: "a-long-enough-password", role: "COMPANY", organisationName: org, organisationKind: "COMPANY" });
// The answer as the browser gets it, minus the address and organisation name it echoes back as typed.
const shape = (state: FormState, email: string) =>
  JSON.parse(JSON.stringify({ ...state, values: { ...state.values, email: "<typed>", organisationName: "<org>" } }).replaceAll(email, "<email>")) as unknown;

let existing: ApiUser;
let existingEmail: string;
const saved = { multiplier: process.env.RATE_LIMIT_MULTIPLIER };

beforeAll(async () => {
  process.env.RATE_LIMIT_MULTIPLIER = "1000";
  existing = await createApiUser("RESEARCHER");
  existingEmail = existing.actor.email!;
});

afterAll(async () => {
  process.env.RATE_LIMIT_MULTIPLIER = saved.multiplier;
  await prisma.$disconnect();
});

describe("sign-up with an address that already has an account", () => {
  it("answers exactly as for a new address, and changes nothing about the account", async () => {
    const before = await prisma.user.findUniqueOrThrow({ where: { email: existingEmail } });
    const fresh = `fresh-${id()}@example.cn`;
    const forNew = await signUpAction("zh-CN", idleState, signUpForm(fresh));
    const forExisting = await signUpAction("zh-CN", idleState, signUpForm(existingEmail));
    expect(forNew.status).toBe("success");
    expect(shape(forExisting, existingEmail)).toEqual(shape(forNew, fresh));
    // Upper case and spaces are the same address: same answer.
    const variant = await signUpAction("zh-CN", idleState, signUpForm(`  ${existingEmail.toUpperCase()} `));
    expect(shape(variant, existingEmail)).toEqual(shape(forNew, fresh));

    const after = await prisma.user.findUniqueOrThrow({ where: { email: existingEmail } });
    expect(after).toEqual(before); // same password hash, name, role, organisation, admin flag
    expect(await prisma.user.count({ where: { email: existingEmail } })).toBe(1);
    expect(await prisma.user.count({ where: { email: fresh } })).toBe(1);
  });

  it("mails the account holder a notice (once per burst) that tells them, and only them", async () => {
    await runJobs(["account-exists-notice"]);
    const notices = (await inbox(existingEmail)).filter((m) => m.subject === "您的技术桥账号已存在");
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain("/zh-CN/sign-in");
    expect(notices[0]!.text).not.toContain("a-long-enough-password");
  });

  it("refuses a taken organisation name for a new and a registered address alike", async () => {
    const takenOrg = (await prisma.organisation.findUniqueOrThrow({ where: { id: existing.organisationId }, select: { name: true } })).name;
    const fresh = `fresh-${id()}@example.cn`;
    const forNew = await signUpAction("zh-CN", idleState, signUpForm(fresh, takenOrg));
    const forExisting = await signUpAction("zh-CN", idleState, signUpForm(existingEmail, takenOrg));
    expect(forNew.fields?.organisationName).toBeTruthy();
    expect(shape(forExisting, existingEmail)).toEqual(shape(forNew, fresh));
    expect(await prisma.user.count({ where: { email: fresh } })).toBe(0);
  });
});

describe("invite form with an address that already has an account", () => {
  let admin: ApiUser;
  beforeAll(async () => {
    admin = await createApiUser("COMPANY");
  });

  async function invite(email: string): Promise<FormState> {
    session.actor = admin.actor;
    try {
      return await inviteMemberAction("zh-CN", idleState, form({ email, role: "COMPANY" }));
    } finally {
      session.actor = null;
    }
  }

  it("answers the inviter exactly as for a new address, with the same pending invitation", async () => {
    const fresh = `invitee-${id()}@example.cn`;
    const forNew = await invite(fresh);
    const forExisting = await invite(existingEmail);
    expect(forNew.status).toBe("success");
    expect(shape(forExisting, existingEmail)).toEqual(shape(forNew, fresh));
    const rows = await prisma.invitation.findMany({
      where: { organisationId: admin.organisationId },
      select: { email: true, acceptedAt: true, expiresAt: true },
    });
    expect(rows.map((r) => r.email).sort()).toEqual([existingEmail, fresh].sort());
    expect(rows.every((r) => r.acceptedAt === null && r.expiresAt > new Date())).toBe(true);
  });

  it("mails a new address the accept link, and a registered one why it cannot join (no link)", async () => {
    const fresh = `invitee-${id()}@example.cn`;
    await invite(fresh);
    await invite(existingEmail);
    const [toNew] = await inbox(fresh);
    expect(toNew!.text).toMatch(/\/zh-CN\/invitations\/[\w-]{20,}/);
    // The inviting organisation is not verified: the mail says so next to its name.
    expect(toNew!.subject).toContain("（未认证）」");
    const toExisting = (await inbox(existingEmail)).filter((m) => m.subject.startsWith("邀请您加入"));
    expect(toExisting.length).toBeGreaterThan(0);
    for (const m of toExisting) {
      expect(m.text).not.toContain("/invitations/");
      expect(m.text).toContain("已有技术桥账号");
    }
    // The existing account is untouched: still one user, in its own organisation.
    const user = await prisma.user.findUniqueOrThrow({ where: { email: existingEmail }, select: { organisationId: true } });
    expect(user.organisationId).toBe(existing.organisationId);
  });
});
