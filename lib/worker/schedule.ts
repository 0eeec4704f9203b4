import type { CronItem } from "graphile-worker";
import type { JobName } from "@/lib/jobs/enqueue";

// Recurring jobs, run by the worker (graphile-worker's cron: each fires once per slot across all
// workers). Times are UTC: 00:00 UTC is 08:00 in China.
export const CRON_ITEMS: (CronItem & { task: JobName })[] = [
  { task: "email-digest", match: "0 0 * * *", payload: { frequency: "DAILY" }, identifier: "email-digest-daily" },
  { task: "email-digest", match: "0 0 * * 1", payload: { frequency: "WEEKLY" }, identifier: "email-digest-weekly" },
  // A safety net for saved-search alerts (normally queued right after each index update).
  { task: "check-saved-searches", match: "0 * * * *", identifier: "check-saved-searches-hourly" },
  // Published needs not re-confirmed within 90 days expire; owners are reminded 14 and 3 days before (in-app + email).
  { task: "expire-needs", match: "17 * * * *", identifier: "expire-needs-hourly" },
  { task: "expire-results", match: "23 * * * *", identifier: "expire-results-hourly" },
  // Challenges: calls past their deadline close, milestone reminders and late flags, 12-month outcome reminders.
  { task: "challenge-deadlines", match: "*/10 * * * *", identifier: "challenge-deadlines" },
];
