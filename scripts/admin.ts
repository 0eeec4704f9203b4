// Operator CLI. Usage:
//   npm run admin -- create-user --email E --password P --role company|researcher|broker|admin|analyst --org "Name" --org-kind company|university|tto|government
//                    [--reason R] [--cert-no N --cert-issuer I --valid-until YYYY-MM-DD]   (staff roles; brokers need the accreditation)
//   npm run admin -- grant-role --email E --role broker|admin|analyst --reason R [--cert-no N --cert-issuer I --valid-until YYYY-MM-DD]
//   npm run admin -- revoke-role --email E --reason R      (also ends the user's sessions and API tokens)
//   npm run admin -- verify-org --org "Name" [--code CODE]   (统一社会信用代码 / 学校标识码, checked)
//   npm run admin -- create-token --email E [--name "label"]
//   npm run admin -- set-portfolio --email E [--regions R1,R2] [--chains C1,C2]  (scripts/admin-portfolio.ts)
import { parseArgs } from "node:util";
import { z } from "zod";
import { createUserAccount } from "@/lib/users/create-user-account";
import { createApiTokenForEmail } from "@/lib/tokens/create-api-token";
import { prisma } from "@/lib/db";
import { isStaffRole } from "@/lib/staff/roles";
import { endOfDayInChina, grantStaffRoleSchema, revokeStaffRoleSchema } from "@/lib/staff/schemas";
import { grantStaffRole, OPERATOR, revokeStaffRole } from "@/lib/staff/staff-grants";
import { isAppError } from "@/lib/errors";
import { wordError, wordFields } from "@/lib/errors-edge";
import { parseInput } from "@/lib/validation/parse-input";
import { verifyOrganisationSchema } from "@/lib/orgs/schemas";
import { verifyOrganisation } from "@/lib/orgs/verify-organisation";
import { runPortfolioCommand } from "./admin-portfolio";

const createUserArgs = z.strictObject({
  email: z.email("--email must be an email address"),
  password: z.string().min(10, "--password must be at least 10 characters"),
  role: z.enum(["company", "researcher", "broker", "admin", "analyst"], "--role must be company, researcher, broker, admin or analyst"),
  org: z.string().trim().min(2, "--org must name the organisation"),
  "org-kind": z.enum(["company", "university", "tto", "government"], "--org-kind must be company, university, tto or government"),
  name: z.string().optional(),
  reason: z.string().optional(),
  "cert-no": z.string().optional(),
  "cert-issuer": z.string().optional(),
  "valid-until": z.string().optional(),
});

// The grant flags as the staff schema names them (the same schema as the admin page's form).
const grantFields = (v: Record<string, string | undefined>) => ({
  certificateNo: v["cert-no"],
  certificateIssuer: v["cert-issuer"],
  validUntil: v["valid-until"],
});

function failOnFields(fields: Record<string, string[]>): never {
  const flag: Record<string, string> = {
    certificateNo: "--cert-no",
    certificateIssuer: "--cert-issuer",
    validUntil: "--valid-until",
    registrationCode: "--code",
    organisationId: "--org",
  };
  fail(
    Object.entries(fields)
      .map(([k, m]) => `${flag[k] ?? `--${k}`}: ${m.join("; ")}`)
      .join("\n"),
  );
}

function failOnAppError(e: unknown): never {
  if (isAppError(e) && (e.fields || e.issues)) failOnFields(wordFields(e, "en") ?? {});
  if (isAppError(e) && e.status < 500) fail(wordError(e, "en"));
  throw e;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (await runPortfolioCommand(command, rest)) return;
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      org: { type: "string" },
      "org-kind": { type: "string" },
      name: { type: "string" },
      reason: { type: "string" },
      "cert-no": { type: "string" },
      "cert-issuer": { type: "string" },
      "valid-until": { type: "string" },
      code: { type: "string" },
    },
  });
  if (command === "create-user") {
    const parsed = createUserArgs.safeParse(values);
    if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join("\n"));
    const a = parsed.data;
    const existing = await prisma.user.findUnique({ where: { email: a.email.toLowerCase() } });
    if (existing) fail(`A user with email ${a.email} already exists`);
    const role = a.role.toUpperCase() as "COMPANY";
    let grant: Parameters<typeof createUserAccount>[0]["grant"];
    if (isStaffRole(role)) {
      const checked = parseInput(
        grantStaffRoleSchema,
        { email: a.email, role, reason: a.reason ?? "created by the operator (create-user)", ...grantFields(a) },
        "en",
      );
      if (!checked.ok) failOnFields(checked.fields);
      const g = checked.data;
      grant = {
        reason: g.reason,
        certificateNo: g.certificateNo,
        certificateIssuer: g.certificateIssuer,
        validUntil: g.validUntil ? endOfDayInChina(g.validUntil) : null,
      };
    }
    const { userId } = await createUserAccount({
      grant,
      email: a.email,
      password: a.password,
      role,
      orgName: a.org,
      orgKind: a["org-kind"].toUpperCase() as "COMPANY",
      name: a.name,
    });
    console.log(`created user ${a.email} (${userId})`);
  } else if (command === "grant-role") {
    const checked = parseInput(
      grantStaffRoleSchema,
      { email: values.email, role: values.role?.toUpperCase(), reason: values.reason, ...grantFields(values) },
      "en",
    );
    if (!checked.ok) failOnFields(checked.fields);
    const { grantId } = await grantStaffRole(OPERATOR, checked.data).catch(failOnAppError);
    console.log(`granted ${checked.data.role} to ${checked.data.email} (grant ${grantId})`);
  } else if (command === "revoke-role") {
    const checked = parseInput(revokeStaffRoleSchema, { email: values.email, reason: values.reason }, "en");
    if (!checked.ok) failOnFields(checked.fields);
    const { grantIds } = await revokeStaffRole(OPERATOR, checked.data).catch(failOnAppError);
    console.log(`revoked ${grantIds.length} grant(s) of ${checked.data.email}; their sessions and API tokens are ended`);
  } else if (command === "verify-org") {
    if (!values.org) fail("--org is required");
    const org = await prisma.organisation.findUnique({ where: { name: values.org }, select: { id: true } });
    if (!org) fail(`No organisation named ${values.org}`);
    const checked = parseInput(verifyOrganisationSchema, { organisationId: org.id, registrationCode: values.code }, "en");
    if (!checked.ok) failOnFields(checked.fields);
    await verifyOrganisation(OPERATOR, checked.data).catch(failOnAppError);
    console.log(`verified ${values.org}`);
  } else if (command === "create-token") {
    if (!values.email) fail("--email is required");
    const created = await createApiTokenForEmail(values.email, values.name ?? "cli");
    if (!created) fail(`No user with email ${values.email}, or the user cannot act (staff role revoked or lapsed)`);
    // Only the token on stdout, so scripts can capture it.
    console.log(created.token);
  } else {
    fail(
      "usage: admin create-user --email E --password P --role R --org NAME --org-kind K | grant-role --email E --role R --reason R | revoke-role --email E --reason R | verify-org --org NAME [--code C] | create-token --email E",
    );
  }
}

main()
  .then(() => prisma.$disconnect())
  .catch(async (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    await prisma.$disconnect();
    process.exit(1);
  });
