import "server-only";
import type { Task, TaskList } from "graphile-worker";
import { prisma } from "@/lib/db";
import { emailNotification } from "@/lib/notifications/email-notification";
import { syncNeed, syncNeeds, syncResult, syncResults } from "@/lib/search/sync";
import { enqueueJob, type JobName, type JobPayloads } from "./enqueue";
import { notifyAccessEvent } from "@/lib/access/notify-access-event";

// Each task is idempotent: index tasks write the row's current state (never an older version over
// a newer one), so running one twice (after a crash or retry) gives the same index; the email task
// sends a notification at most once. A task that throws is retried by graphile-worker with
// exponential backoff (exp(min(attempts, 10)) seconds) until max_attempts, then it stays in the
// table as a dead letter (admin page /admin/jobs, lib/jobs/queue-state.ts).
function task<N extends JobName>(run: (payload: JobPayloads[N]) => Promise<void>): Task {
  return async (payload) => run(payload as JobPayloads[N]);
}

// graphile-worker gives up on a running job whose key is taken over by a newer job (it sets its
// attempts to max_attempts): when a batch fails, its ids are appended to the shard's pending batch
// again before the error propagates, so they are retried with the rest instead of being dropped.
function indexBatch(name: "index-need" | "index-result", sync: (ids: string[]) => Promise<unknown>): Task {
  return async (payload) => {
    const ids = [...new Set(payload as string[])];
    try {
      await sync(ids);
    } catch (err) {
      await prisma.$transaction(async (tx) => {
        for (const id of ids) await enqueueJob(tx, name, name === "index-need" ? { needId: id } : ({ resultId: id } as never), { runAt: new Date(Date.now() + 5_000) });
      });
      throw err;
    }
  };
}

export const taskList: TaskList = {
  "index-need": task<"index-need">(async ({ needId }) => void (await syncNeed(prisma, needId))),
  "index-result": task<"index-result">(async ({ resultId }) => void (await syncResult(prisma, resultId))),
  "index-needs": indexBatch("index-need", (ids) => syncNeeds(prisma, ids)),
  "index-results": indexBatch("index-result", (ids) => syncResults(prisma, ids)),
  "email-notification": task<"email-notification">(async ({ notificationId }) => void (await emailNotification(notificationId))),
  "access-notify": task<"access-notify">(notifyAccessEvent),
};
