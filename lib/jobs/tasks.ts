import "server-only";
import type { Task, TaskList } from "graphile-worker";
import { ALERT_CONFIG } from "@/lib/alerts/config";
import { runNeedMatching } from "@/lib/alerts/run-need-matching";
import { runResultMatching } from "@/lib/alerts/run-result-matching";
import { prisma } from "@/lib/db";
import { sendDigests } from "@/lib/notifications/send-digests";
import { sendNotificationEmail } from "@/lib/notifications/send-notification-email";
import { checkSavedSearches } from "@/lib/saved-searches/check-saved-searches";
import { notifyAccessEvent } from "@/lib/access/notify-access-event";
import { syncNeed, syncResult } from "@/lib/search/sync";
import { enqueueJob, type JobName, type JobPayloads } from "./enqueue";

// Each task is idempotent: it indexes the row's current state, so running it twice (after a
// crash or retry) gives the same index.
function task<N extends JobName>(run: (payload: JobPayloads[N]) => Promise<void>): Task {
  return async (payload) => run(payload as JobPayloads[N]);
}

// Matching runs only once the record is in the index (a result must be findable before needs
// are matched against it, and vice versa), so the index task queues it after a successful sync.
// Saved searches are checked shortly after (debounced: one pending check for a burst of writes).
async function afterIndexed(match: () => Promise<void>) {
  await match();
  await enqueueJob(prisma, "check-saved-searches", {}, { jobKey: "check-saved-searches", runAt: new Date(Date.now() + ALERT_CONFIG.savedSearchDebounceMs) });
}

export const taskList: TaskList = {
  "index-need": task<"index-need">(async ({ needId }) => {
    await syncNeed(prisma, needId);
    await afterIndexed(() => enqueueJob(prisma, "match-need", { needId }, { jobKey: `match-need:${needId}` }));
  }),
  "index-result": task<"index-result">(async ({ resultId }) => {
    await syncResult(prisma, resultId);
    await afterIndexed(() => enqueueJob(prisma, "match-result", { resultId }, { jobKey: `match-result:${resultId}` }));
  }),
  "match-need": task<"match-need">(async ({ needId }) => void (await runNeedMatching(needId))),
  "match-result": task<"match-result">(async ({ resultId }) => void (await runResultMatching(resultId))),
  "email-notification": task<"email-notification">(async ({ notificationId }) => void (await sendNotificationEmail(notificationId))),
  "email-digest": task<"email-digest">(async ({ frequency }) => void (await sendDigests(frequency))),
  "check-saved-searches": task<"check-saved-searches">(async () => void (await checkSavedSearches())),
  "access-notify": task<"access-notify">(notifyAccessEvent),
};
