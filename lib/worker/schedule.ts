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
  // Chain monitor aggregates, incrementally (only what changed since the last run: lib/monitor/refresh-aggregates.ts).
  { task: "refresh-monitor", match: "*/15 * * * *", identifier: "refresh-monitor" },
  // The public effectiveness metrics (page /metrics), daily at 08:30 China time.
  { task: "publish-metrics", match: "30 0 * * *", identifier: "publish-metrics-daily" },
  // Shared instruments: reminders 24 h before approved bookings, no-shows 24 h after (lib/instruments/sweeps.ts).
  { task: "instrument-bookings-sweep", match: "7 * * * *", identifier: "instrument-bookings-sweep-hourly" },
  // Challenges: calls past their deadline close, milestone reminders and late flags, 12-month outcome reminders.
  { task: "challenge-deadlines", match: "*/10 * * * *", identifier: "challenge-deadlines" },
];
