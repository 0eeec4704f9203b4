import { needs } from "./needs";
import { organisations, users, demoAccounts, DEMO_PASSWORD, DEMO_EMAIL_DOMAIN, orgAdminId } from "./organisations";
import { electronicsManufacturingResults } from "./results-electronics-manufacturing";
import { energyMobilityResults } from "./results-energy-mobility";
import { healthWearableResults } from "./results-health-wearables";
import type { DemoResult } from "./types";

export type * from "./types";
export { needs, organisations, users, demoAccounts, DEMO_PASSWORD, DEMO_EMAIL_DOMAIN, orgAdminId };

export const results: DemoResult[] = [...healthWearableResults, ...energyMobilityResults, ...electronicsManufacturingResults];

/** [needId, resultId] pairs the demo content was written to match (ground truth for the matcher). */
export const intendedMatches: [needId: string, resultId: string][] = results.flatMap((r) =>
  (r.matches ?? []).map((needId) => [needId, r.id] as [string, string]),
);
