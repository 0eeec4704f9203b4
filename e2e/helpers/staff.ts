// Staff roles exist only from a platform admin's grant. e2e tests grant them the operator's way:
// `npm run admin -- grant-role` against the e2e server's database (scripts/e2e-server.ts writes
// its environment to E2E_SERVER_INFO).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";

function adminEnv(): Record<string, string> {
  const info = JSON.parse(readFileSync(process.env.E2E_SERVER_INFO!, "utf8")) as { adminEnv: Record<string, string> };
  return info.adminEnv;
}

/** Runs `npm run admin -- <args>`; resolves with stdout, rejects with the CLI's message. */
export async function runAdminCli(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/admin.ts", ...args], {
    env: { ...process.env, ...adminEnv(), LOG_LEVEL: "warn" },
    // The CLI starts a TypeScript process: on a loaded shared machine that alone takes tens of seconds.
    timeout: 120_000,
  });
  return stdout;
}

const nextYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

/** Grants an existing user a staff role; brokers get a year-long test accreditation. */
export async function grantStaffRoleByCli(email: string, role: "broker" | "admin" | "analyst"): Promise<void> {
  const accreditation = role === "broker" ? ["--cert-no", `E2E-${Date.now()}`, "--cert-issuer", "e2e 技术市场协会", "--valid-until", nextYear()] : [];
  await runAdminCli(["grant-role", "--email", email, "--role", role, "--reason", "e2e: accredited test broker", ...accreditation]);
}

/** Creates a policy analyst of a park administration (government bodies have no self-service sign-up). */
export async function createParkAnalyst(user: { email: string; password: string; name: string; org: string }, reason: string): Promise<void> {
  await runAdminCli(
    ["create-user", "--email", user.email, "--password", user.password, "--role", "analyst", "--name", user.name].concat([
      "--org",
      `${user.org} 园区管委会`,
      "--org-kind",
      "government",
      "--reason",
      reason,
    ]),
  );
}
