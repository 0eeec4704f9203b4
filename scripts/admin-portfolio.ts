// `npm run admin -- set-portfolio --email E --regions 深圳,东莞 --chains new-energy,semiconductors`
// (kept out of scripts/admin.ts's main switch so the role-grant commands can grow there).
import { parseArgs } from "node:util";
import { z } from "zod";
import { setBrokerPortfolio } from "@/lib/broker/portfolio";

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
const portfolioArgs = z.strictObject({ email: z.email("--email must be an email address"), regions: list, chains: list });

/** Handles `set-portfolio`; returns false for any other command. */
export async function runPortfolioCommand(command: string | undefined, args: string[]): Promise<boolean> {
  if (command !== "set-portfolio") return false;
  const { values } = parseArgs({ args, strict: true, options: { email: { type: "string" }, regions: { type: "string" }, chains: { type: "string" } } });
  const parsed = portfolioArgs.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join("\n"));
    process.exit(2);
  }
  const saved = await setBrokerPortfolio({ email: parsed.data.email, regions: parsed.data.regions, chainIds: parsed.data.chains });
  console.log(`portfolio of ${parsed.data.email}: regions [${saved.regions.join(", ")}], chains [${saved.chainIds.join(", ")}]`);
  return true;
}
