import type { Prisma } from "@/lib/generated/prisma/client";

// Background jobs live in graphile-worker's tables in the same PostgreSQL database. Enqueueing
// through the caller's transaction client means the job commits (or rolls back) with the write
// that caused it: a crash between the two cannot lose an index update or a notification.
export type JobPayloads = {
  "index-need": { needId: string };
  "index-result": { resultId: string };
  // The hourly re-confirmation sweep (lib/needs/expire-needs.ts).
  "expire-needs": Record<string, never>;
  // The same for research results (lib/results/expire-results.ts).
  "expire-results": Record<string, never>;
  // Batched index jobs (what "index-need"/"index-result" become, see below): record ids.
  "index-needs": string[];
  "index-results": string[];
  // Emails one in-app notification (at most once: see lib/notifications/email-notification.ts).
  "email-notification": { notificationId: string };
  // Chained by the index tasks once the record is in the index (lib/alerts).
  "match-need": { needId: string };
  "match-result": { resultId: string };
  // Recomputes a need's match snapshot served past its freshness window, or (force) one a newly
  // published or changed result matches (lib/needs).
  "refresh-need-matches": { needId: string; force?: boolean };
  "email-digest": { frequency: "DAILY" | "WEEKLY" };
  "check-saved-searches": Record<string, never>;
  // Deal deadlines (lib/deals/deadlines.ts): each job re-checks its row at run_at.
  "deal-respond-reminder": { introductionId: string };
  "deal-respond-lapse": { introductionId: string };
  "follow-up-reminder": { followUpId: string };
  // Contact request deadlines (lib/contacts/deadlines.ts): each job re-checks its row at run_at.
  "contact-remind": { contactId: string };
  "contact-expire": { contactId: string };
  // Tells the other side of an access request what happened (in-app notification + email).
  "access-notify": { accessRequestId: string; event: AccessEvent; messageId?: string };
  // Someone signed up with the address of an existing account: tell its holder (lib/users).
  "account-exists-notice": { userId: string };
  // Chain monitor (lib/monitor): incremental refresh of the aggregates; the daily public metrics.
  "refresh-monitor": { full?: boolean };
  "publish-metrics": Record<string, never>;
  // Shared instruments (lib/instruments): batched index sync (array payloads merge under one
  // job key), and the hourly booking sweep (reminders, no-shows).
  "index-instruments": string[];
  "instrument-bookings-sweep": Record<string, never>;
  // Challenges (lib/challenges): the public search document, and the deadline sweeps (closing
  // calls, milestone reminders and late flags, 12-month outcome reminders) for one `now`.
  "index-challenge": { challengeId: string };
  "challenge-deadlines": Record<string, never>;
  // A challenge's stored matches (lib/matching/challenge-snapshot.ts), recomputed; with `notify`
  // (queued when the call is published) the matched researchers and result owners are told.
  "match-challenge": { challengeId: string; notify?: boolean };
};
export type AccessEvent = "requested" | "approved" | "declined" | "revoked" | "message";
export type JobName = keyof JobPayloads;

type TxClient = Pick<Prisma.TransactionClient, "$queryRaw">;

export async function enqueueJob<N extends JobName>(
  tx: TxClient,
  name: N,
  payload: JobPayloads[N],
  options: { jobKey?: string; maxAttempts?: number; runAt?: Date } = {},
): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 10;
  // Index updates are batched: every write appends its record id to a pending batch job
  // (graphile-worker concatenates array payloads under the same job key; a batch that is already
  // running is left alone and a new one starts). One batch syncs many records in a few Meilisearch
  // tasks instead of one task per record, which is what keeps the index current under load. The
  // key is sharded by record id so that concurrent writers do not all queue on one job row.
  if (name === "index-need" || name === "index-result") {
    const batch = name === "index-need" ? "index-needs" : "index-results";
    const id = name === "index-need" ? (payload as JobPayloads["index-need"]).needId : (payload as JobPayloads["index-result"]).resultId;
    await addJob(tx, { task: batch, payload: [id], jobKey: `${batch}:${shardOf(id)}`, maxAttempts, runAt: options.runAt });
    return;
  }
  await addJob(tx, { task: name, payload, jobKey: options.jobKey, maxAttempts, runAt: options.runAt });
}

/**
 * graphile_worker.add_job, made safe against a race in its job-key handling. add_job first takes
 * the key away from a job under that key that is running, then inserts the new job with ON
 * CONFLICT (key) DO UPDATE ... WHERE locked_at IS NULL. If a worker locks the existing job between
 * those two steps, the conflict update is skipped and add_job returns an empty row: the new job
 * (or, for an index batch, the record id appended to it) would be silently dropped. Calling it
 * again then finds the job running, takes its key and inserts a new job. (Upstream:
 * graphile/worker issue #580, open at 0.16.6.)
 */
export async function addJob(
  tx: TxClient,
  job: { task: string; payload: unknown; jobKey?: string | null; maxAttempts?: number | null; runAt?: Date | null },
): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await tx.$queryRaw<{ id: bigint | null }[]>`SELECT (graphile_worker.add_job(
      ${job.task}::text,
      ${JSON.stringify(job.payload)}::json,
      job_key => ${job.jobKey ?? null}::text,
      max_attempts => ${job.maxAttempts ?? null}::int,
      run_at => ${job.runAt ?? null}::timestamptz
    )).id AS id`;
    if (row?.id != null) return String(row.id);
  }
  throw new Error(`could not add job ${job.task} (key ${job.jobKey}): its key stayed taken by a job being locked`);
}

export const INDEX_SHARDS = 8;

/** Stable shard of a record id (FNV-1a): one record's updates always join the same batch. */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % INDEX_SHARDS;
}
