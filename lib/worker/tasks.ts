import "server-only";
import type { Task, TaskList } from "graphile-worker";
import { ALERT_CONFIG } from "@/lib/alerts/config";
import { runNeedMatching } from "@/lib/alerts/run-need-matching";
import { runResultMatching } from "@/lib/alerts/run-result-matching";
import { prisma } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { expireOverdueNeeds } from "@/lib/needs/expire-needs";
import { expireOverdueResults } from "@/lib/results/expire-results";
import { refreshNeedMatchSnapshot } from "@/lib/matching/need-snapshot";
import { refreshMatchesForResult } from "@/lib/matching/subject-kinds";
import { emailNotification } from "@/lib/notifications/email-notification";
import { sendDigests } from "@/lib/notifications/send-digests";
import { checkSavedSearches } from "@/lib/saved-searches/check-saved-searches";
import { flagLapsedIntroductions, remindFollowUps, remindPendingResponses } from "@/lib/deals/deadlines";
import { expireContacts, remindPendingContacts } from "@/lib/contacts/deadlines";
import { notifyAccessEvent } from "@/lib/access/notify-access-event";
import { sendAccountExistsNotice } from "@/lib/users/account-exists-notice";
import { isUnavailableError } from "@/lib/search/client";
import { refreshMonitorAggregates } from "@/lib/monitor/refresh-aggregates";
import { publishMetrics } from "@/lib/monitor/published-metrics";
import { syncNeed, syncNeeds, syncResult, syncResults } from "@/lib/search/sync";
import { enqueueJob, type JobName, type JobPayloads } from "@/lib/jobs/enqueue";
import { syncInstruments } from "@/lib/instruments/search-index";
import { sweepInstrumentBookings } from "@/lib/instruments/sweeps";
import { runChallengeDeadlines } from "@/lib/challenges/deadlines";
import { syncChallenge } from "@/lib/challenges/search-index";
import { runChallengeMatching } from "@/lib/challenges/matches";
import { withHandOver } from "./keyed-failure";

// Each task is idempotent: index tasks write the row's current state (never an older version over
// a newer one), so running one twice (after a crash or retry) gives the same index; the email task
// sends a notification at most once. A task that throws is retried by graphile-worker with
// exponential backoff (exp(min(attempts, 10)) seconds) until max_attempts, then it stays in the
// table as a dead letter (admin page /admin/jobs, lib/jobs/queue-state.ts).
function task<N extends JobName>(run: (payload: JobPayloads[N]) => Promise<void>): Task {
  return async (payload) => run(payload as JobPayloads[N]);
}

// Matching runs only once records are in the index (a result must be findable before needs are
// matched against it, and vice versa), so the index tasks queue it after a successful sync.
// Saved searches are checked shortly after (debounced: one pending check for a burst of writes).
async function afterIndexed(kind: "need" | "result", ids: readonly string[]) {
  await prisma.$transaction(async (tx) => {
    for (const id of ids) {
      if (kind === "need") await enqueueJob(tx, "match-need", { needId: id }, { jobKey: `match-need:${id}` });
      else await enqueueJob(tx, "match-result", { resultId: id }, { jobKey: `match-result:${id}` });
    }
    await enqueueJob(tx, "check-saved-searches", {}, { jobKey: "check-saved-searches", runAt: new Date(Date.now() + ALERT_CONFIG.savedSearchDebounceMs) });
  });
}

function indexBatch(name: "index-need" | "index-result", sync: (ids: string[]) => Promise<unknown>): Task {
  return async (payload) => {
    const ids = [...new Set(payload as string[])];
    await sync(ids);
    await afterIndexed(name === "index-need" ? "need" : "result", ids);
  };
}

const tasks: TaskList = {
  "index-need": task<"index-need">(async ({ needId }) => {
    await syncNeed(prisma, needId);
    await afterIndexed("need", [needId]);
  }),
  "index-result": task<"index-result">(async ({ resultId }) => {
    await syncResult(prisma, resultId);
    await afterIndexed("result", [resultId]);
  }),
  "index-needs": indexBatch("index-need", (ids) => syncNeeds(prisma, ids)),
  "index-results": indexBatch("index-result", (ids) => syncResults(prisma, ids)),
  "match-need": task<"match-need">(async ({ needId }) => void (await runNeedMatching(needId))),
  // lib/matching refreshes the stored matches the result belongs in; lib/alerts tells people.
  "match-result": task<"match-result">(async ({ resultId }) => {
    const matched = await refreshMatchesForResult(resultId);
    await runResultMatching(resultId, matched.get("need") ?? []);
  }),
  "refresh-need-matches": task<"refresh-need-matches">(async ({ needId, force }) => refreshNeedMatchSnapshot(needId, { force })),
  "email-notification": task<"email-notification">(async ({ notificationId }) => void (await emailNotification(notificationId))),
  "email-digest": task<"email-digest">(async ({ frequency }) => void (await sendDigests(frequency))),
  "check-saved-searches": task<"check-saved-searches">(async () => void (await checkSavedSearches())),
  "expire-needs": task<"expire-needs">(async () => void (await expireOverdueNeeds(prisma))),
  "expire-results": task<"expire-results">(async () => void (await expireOverdueResults(prisma))),
  // Deadline jobs run at their moment and re-check the row: an answered introduction or a
  // recorded follow-up simply finds nothing due.
  "deal-respond-reminder": task<"deal-respond-reminder">(async ({ introductionId }) => void (await remindPendingResponses(prisma, new Date(), introductionId))),
  "deal-respond-lapse": task<"deal-respond-lapse">(async ({ introductionId }) => void (await flagLapsedIntroductions(prisma, new Date(), introductionId))),
  "follow-up-reminder": task<"follow-up-reminder">(async ({ followUpId }) => void (await remindFollowUps(prisma, new Date(), followUpId))),
  "contact-remind": task<"contact-remind">(async ({ contactId }) => void (await remindPendingContacts(prisma, new Date(), contactId))),
  "contact-expire": task<"contact-expire">(async ({ contactId }) => void (await expireContacts(prisma, new Date(), contactId))),
  "access-notify": task<"access-notify">(notifyAccessEvent),
  "account-exists-notice": task<"account-exists-notice">(async ({ userId }) => sendAccountExistsNotice(userId)),
  "refresh-monitor": task<"refresh-monitor">(async ({ full }) => void (await refreshMonitorAggregates(prisma, { full }))),
  // The public figures come from fresh aggregates: refresh first, then publish.
  "publish-metrics": task<"publish-metrics">(async () => {
    await refreshMonitorAggregates(prisma);
    await publishMetrics(prisma);
  }),
  "index-instruments": task<"index-instruments">(async (ids) => void (await syncInstruments(prisma, [...new Set(ids)]))),
  "instrument-bookings-sweep": task<"instrument-bookings-sweep">(async () => void (await sweepInstrumentBookings(prisma, new Date()))),
  "index-challenge": task<"index-challenge">(async ({ challengeId }) => void (await syncChallenge(prisma, challengeId))),
  "challenge-deadlines": task<"challenge-deadlines">(async () => void (await runChallengeDeadlines(prisma, new Date()))),
  "match-challenge": task<"match-challenge">(async ({ challengeId, notify }) => void (await runChallengeMatching(challengeId, notify === true))),
};

// A failing job fails the job, never the process (every Meilisearch/SMTP call in the tasks is
// awaited). A keyed job that fails hands its work to the job under its key instead of failing in
// place (lib/worker/keyed-failure.ts); Meilisearch or PostgreSQL being down is waited out, not counted.
export const taskList: TaskList = Object.fromEntries(
  Object.entries(tasks).map(([name, run]) => [
    name,
    withHandOver(prisma, run as Task, { isOutage: (err) => isUnavailableError(err) || isDatabaseUnavailable(err), isDatabaseDown: isDatabaseUnavailable }),
  ]),
);
