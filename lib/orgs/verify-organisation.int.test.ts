// Issue 11: a new organisation is unverified until a platform admin checks its registration
// code; a verified organisation's name cannot be taken (width, case and spaces ignored).
import { afterAll, describe, expect, it } from "vitest";
import { createApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { wordFields } from "@/lib/errors-edge";
import { signUp } from "@/lib/users/sign-up";
import { signUpSchema } from "@/lib/users/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { OPERATOR } from "@/lib/staff/staff-grants";
import { verifyOrganisation } from "./verify-organisation";

const unique = () => Math.random().toString(36).slice(2, 8);

async function fieldsOf(run: () => Promise<unknown>): Promise<Record<string, string[]>> {
  try {
    await run();
  } catch (e) {
    if (isAppError(e) && e.fields) return wordFields(e, "en")!;
    throw e;
  }
  throw new Error("expected a field error");
}

const signUpInput = (over: Record<string, string>) =>
  parseInput(
    signUpSchema,
    {
      name: "新用户",
      email: `org-${unique()}@example.cn`,
      password: "long-enough-password",
      role: "COMPANY",
      organisationKind: "COMPANY",
      organisationName: `企业 ${unique()}`,
      ...over,
    },
    "en",
  );

afterAll(async () => {
  await prisma.$disconnect();
});

describe("organisation verification", () => {
  it("sign-up: the code is optional, checked when given, and the organisation starts unverified", async () => {
    expect(signUpInput({ registrationCode: "914403001922038217" })).toMatchObject({
      ok: false,
      fields: { registrationCode: [expect.stringMatching(/credit code/)] },
    });
    expect(signUpInput({ role: "RESEARCHER", organisationKind: "UNIVERSITY", registrationCode: "4111010001" }).ok).toBe(true);
    // A company cannot sign up with a university's institution code, nor a researcher into a company.
    expect(signUpInput({ registrationCode: "4111010001" }).ok).toBe(false);
    expect(signUpInput({ role: "RESEARCHER" })).toMatchObject({ ok: false, fields: { role: expect.any(Array) } });
    const parsed = signUpInput({ registrationCode: "9144 0300 7152 6726 xg" });
    if (!parsed.ok) throw new Error("valid input refused");
    await signUp(parsed.data);
    const org = await prisma.organisation.findUniqueOrThrow({ where: { name: parsed.data.organisationName } });
    expect(org).toMatchObject({ registrationCode: "9144030071526726XG", verifiedAt: null });
  });

  it("an admin verifies with a valid code only; audited; then its name is taken for good", async () => {
    const admin = await createApiUser("ADMIN");
    const name = `深圳市验证科技有限公司 ${unique()}`;
    const org = await prisma.organisation.create({ data: { name, kind: "COMPANY" } });
    expect(await fieldsOf(() => verifyOrganisation(admin.actor, { organisationId: org.id }))).toHaveProperty("registrationCode");
    expect(await fieldsOf(() => verifyOrganisation(admin.actor, { organisationId: org.id, registrationCode: "91330100799655058C" }))).toHaveProperty(
      "registrationCode",
    );
    await verifyOrganisation(admin.actor, { organisationId: org.id, registrationCode: "91330100799655058B" }, "198.51.100.4");
    expect(await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      verifiedById: admin.actor.id,
      registrationCode: "91330100799655058B",
    });
    expect(await prisma.auditLog.count({ where: { action: "org.verify", subject: `org:${org.id}`, actorId: admin.actor.id } })).toBe(1);

    // Same name with other case, full-width letters and spaces: a field error, nothing created.
    const lookalike = `  ${name.toUpperCase().replace(/ /g, "　　")}  `;
    const parsed = signUpInput({ organisationName: lookalike });
    if (!parsed.ok) throw new Error("valid input refused");
    expect(await fieldsOf(() => signUp(parsed.data))).toHaveProperty("organisationName");
    expect(await prisma.user.count({ where: { email: parsed.data.email } })).toBe(0);

    // A second organisation with that name (created before the first was verified) cannot be verified.
    const twin = await prisma.organisation.create({ data: { name: `${name}`.toUpperCase() + " ", kind: "COMPANY", registrationCode: "914403001922038216" } });
    expect(await fieldsOf(() => verifyOrganisation(OPERATOR, { organisationId: twin.id }))).toHaveProperty("organisationId");
  });
});
