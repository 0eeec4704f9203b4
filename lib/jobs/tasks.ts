import "server-only";
import type { Task, TaskList } from "graphile-worker";
import { prisma } from "@/lib/db";
import { expireOverdueNeeds } from "@/lib/needs/expire-needs";
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
  // Bulk imports: one job per 1,000 rows instead of one per row.
  "index-results": task<"index-results">(async ({ resultIds }) => {
    for (const id of resultIds) await syncResult(prisma, id);
  }),
  "expire-needs": task<"expire-needs">(async () => void (await expireOverdueNeeds(prisma))),
  "access-notify": task<"access-notify">(notifyAccessEvent),
};
