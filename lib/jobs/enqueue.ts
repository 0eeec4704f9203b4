import type { Prisma } from "@/lib/generated/prisma/client";

// Background jobs live in graphile-worker's tables in the same PostgreSQL database. Enqueueing
// through the caller's transaction client means the job commits (or rolls back) with the write
// that caused it: a crash between the two cannot lose an index update or a notification.
export type JobPayloads = {
  "index-need": { needId: string };
  "index-result": { resultId: string };
  "email-notification": { notificationId: string };
  "deal-respond-reminder": { introductionId: string };
  "deal-respond-lapse": { introductionId: string };
  "follow-up-reminder": { followUpId: string };
  // Tells the other side of an access request what happened (in-app notification + email).
  "access-notify": { accessRequestId: string; event: AccessEvent; messageId?: string };
};
export type AccessEvent = "requested" | "approved" | "declined" | "revoked" | "message";
export type JobName = keyof JobPayloads;

type TxClient = Pick<Prisma.TransactionClient, "$executeRaw">;

export async function enqueueJob<N extends JobName>(
  tx: TxClient,
  name: N,
  payload: JobPayloads[N],
  options: { jobKey?: string; maxAttempts?: number; runAt?: Date } = {},
): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 10;
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${name}::text,
    ${JSON.stringify(payload)}::json,
    job_key => ${options.jobKey ?? null}::text,
    max_attempts => ${maxAttempts}::int,
    run_at => ${options.runAt ?? null}::timestamptz
  )`;
}
