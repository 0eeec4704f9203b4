import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/policy";
import { getQueueState, listDeadJobs, retryDeadJobs, type DeadJob, type QueueState } from "./queue-state";

export async function getJobsOverview(actor: Actor): Promise<{ queue: QueueState; dead: DeadJob[] }> {
  authorize(actor, "admin.jobs");
  const [queue, dead] = await Promise.all([getQueueState(prisma), listDeadJobs(prisma)]);
  return { queue, dead };
}

/** Sends the given dead jobs (or all of them when `ids` is "all") back to the queue. */
export async function retryJobs(actor: Actor, ids: readonly string[] | "all"): Promise<string[]> {
  authorize(actor, "admin.jobs");
  const wanted = ids === "all" ? (await listDeadJobs(prisma, 1000)).map((j) => j.id) : ids;
  return retryDeadJobs(prisma, wanted);
}
