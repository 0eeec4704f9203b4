import "server-only";
import type { Task, TaskList } from "graphile-worker";
import { prisma } from "@/lib/db";
import { emailNotification } from "@/lib/notifications/email-notification";
import { syncNeed, syncNeeds, syncResult, syncResults } from "@/lib/search/sync";
import type { JobName, JobPayloads } from "./enqueue";

// Each task is idempotent: index tasks write the row's current state (never an older version over
// a newer one), so running one twice (after a crash or retry) gives the same index; the email task
// sends a notification at most once. A task that throws is retried by graphile-worker with
// exponential backoff (exp(min(attempts, 10)) seconds) until max_attempts, then it stays in the
// table as a dead letter (admin page /admin/jobs, lib/jobs/queue-state.ts).
function task<N extends JobName>(run: (payload: JobPayloads[N]) => Promise<void>): Task {
  return async (payload) => run(payload as JobPayloads[N]);
}

export const taskList: TaskList = {
  "index-need": task<"index-need">(async ({ needId }) => void (await syncNeed(prisma, needId))),
  "index-result": task<"index-result">(async ({ resultId }) => void (await syncResult(prisma, resultId))),
  "index-needs": task<"index-needs">(async (ids) => void (await syncNeeds(prisma, ids))),
  "index-results": task<"index-results">(async (ids) => void (await syncResults(prisma, ids))),
  "email-notification": task<"email-notification">(async ({ notificationId }) => void (await emailNotification(notificationId))),
};
