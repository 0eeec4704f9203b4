"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { errorState, type FormState } from "@/lib/forms/form-state";
import { retryJobs } from "@/lib/jobs/admin-jobs";
import { authorize } from "@/lib/policy";

// Admins only (checked here: a server action is a public endpoint).
export async function retryJobsAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await getCurrentActor();
  authorize(actor, "admin.jobs");
  const t = await getTranslations({ locale, namespace: "jobs" });
  const which = formData.get("jobId");
  try {
    const ids = typeof which === "string" && which !== "all" ? [which] : "all";
    const requeued = await retryJobs(actor!, ids);
    revalidatePath(`/${locale}/admin/jobs`);
    return { status: "success", message: t("retried", { count: requeued.length }) };
  } catch (error) {
    return errorState(error, {}, t("retried", { count: 0 }));
  }
}
