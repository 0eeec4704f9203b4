"use server";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import { retryJobs } from "@/lib/jobs/admin-jobs";

const retrySchema = z.strictObject({ jobId: z.string().trim().min(1).max(64).default("all") });

// Admins only (authorized here: a server action is a public endpoint).
export const retryJobsAction = memberAction
  .schema(retrySchema)
  .authorize("admin.jobs")
  .revalidate("/admin/jobs")
  .success(({ data, t }) => t("jobs.retried", { count: (data as { count: number }).count }))
  .action(async ({ actor, input }) => {
    const requeued = await retryJobs(actor, input.jobId === "all" ? "all" : [input.jobId]);
    return { count: requeued.length };
  });
