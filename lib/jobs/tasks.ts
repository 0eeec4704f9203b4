import "server-only";
import type { Task, TaskList } from "graphile-worker";
import { prisma } from "@/lib/db";
import { flagLapsedIntroductions, remindFollowUps, remindPendingResponses } from "@/lib/deals/deadlines";
import { emailNotification } from "@/lib/notifications/email-notification";
import { notifyAccessEvent } from "@/lib/access/notify-access-event";
import { syncNeed, syncResult } from "@/lib/search/sync";
import type { JobName, JobPayloads } from "./enqueue";

// Each task is idempotent: it indexes the row's current state, so running it twice (after a
// crash or retry) gives the same index.
function task<N extends JobName>(run: (payload: JobPayloads[N]) => Promise<void>): Task {
  return async (payload) => run(payload as JobPayloads[N]);
}

export const taskList: TaskList = {
  "index-need": task<"index-need">(async ({ needId }) => void (await syncNeed(prisma, needId))),
  "index-result": task<"index-result">(async ({ resultId }) => void (await syncResult(prisma, resultId))),
  "email-notification": task<"email-notification">(async ({ notificationId }) => emailNotification(prisma, notificationId)),
  // Deadline jobs run at their moment and re-check the row: an answered introduction or a
  // recorded follow-up simply finds nothing due.
  "deal-respond-reminder": task<"deal-respond-reminder">(async ({ introductionId }) => void (await remindPendingResponses(prisma, new Date(), introductionId))),
  "deal-respond-lapse": task<"deal-respond-lapse">(async ({ introductionId }) => void (await flagLapsedIntroductions(prisma, new Date(), introductionId))),
  "follow-up-reminder": task<"follow-up-reminder">(async ({ followUpId }) => void (await remindFollowUps(prisma, new Date(), followUpId))),
  "access-notify": task<"access-notify">(notifyAccessEvent),
};
