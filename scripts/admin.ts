// Operator CLI. Usage:
//   npm run admin -- create-user --email E --password P --role company|researcher|broker|admin --org "Name" --org-kind company|university|tto|government
//   npm run admin -- create-token --email E [--name "label"]
//   npm run admin -- set-portfolio --email E [--regions R1,R2] [--chains C1,C2]  (scripts/admin-portfolio.ts)
import { parseArgs } from "node:util";
import { z } from "zod";
import { createUserAccount } from "@/lib/users/create-user-account";
import { createApiTokenForEmail } from "@/lib/tokens/create-api-token";
import { prisma } from "@/lib/db";
import { runPortfolioCommand } from "./admin-portfolio";

const createUserArgs = z.strictObject({
  email: z.email("--email must be an email address"),
  password: z.string().min(10, "--password must be at least 10 characters"),
  role: z.enum(["company", "researcher", "broker", "admin"], "--role must be company, researcher, broker or admin"),
  org: z.string().trim().min(2, "--org must name the organisation"),
  "org-kind": z.enum(["company", "university", "tto", "government"], "--org-kind must be company, university, tto or government"),
  name: z.string().optional(),
});

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
    },
  });
  if (command === "create-user") {
    const parsed = createUserArgs.safeParse(values);
    if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join("\n"));
    const a = parsed.data;
    const existing = await prisma.user.findUnique({ where: { email: a.email.toLowerCase() } });
    if (existing) fail(`A user with email ${a.email} already exists`);
    const { userId } = await createUserAccount({
      email: a.email,
      password: a.password,
      role: a.role.toUpperCase() as "COMPANY",
      orgName: a.org,
      orgKind: a["org-kind"].toUpperCase() as "COMPANY",
      name: a.name,
    });
    console.log(`created user ${a.email} (${userId})`);
  } else if (command === "create-token") {
    if (!values.email) fail("--email is required");
    const created = await createApiTokenForEmail(values.email, values.name ?? "cli");
    if (!created) fail(`No user with email ${values.email}`);
    // Only the token on stdout, so scripts can capture it.
    console.log(created.token);
  } else {
    fail("usage: admin create-user --email E --password P --role R --org NAME --org-kind K | create-token --email E");
  }
}

main()
  .then(() => prisma.$disconnect())
  .catch(async (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    await prisma.$disconnect();
    process.exit(1);
  });
