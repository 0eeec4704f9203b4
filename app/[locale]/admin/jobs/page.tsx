import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getJobsOverview } from "@/lib/jobs/admin-jobs";
import { can } from "@/lib/policy";
import { RetryButton } from "./retry-button";

export default async function JobsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/admin/jobs");
  if (!can(actor, "admin.jobs")) notFound();
  const t = await getTranslations({ locale, namespace: "jobs" });
  const { queue, dead } = await getJobsOverview(actor);
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Shanghai" });
  return (
    <section>
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      <h2 className="mb-2 text-lg font-medium">{t("queue")}</h2>
      <dl className="mb-8 grid grid-cols-2 gap-2 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-5" data-testid="queue-state">
        <div>
          <dt className="text-sm text-slate-500">{t("depth")}</dt>
          <dd className="text-xl">{queue.depth}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t("oldest")}</dt>
          <dd className="text-xl">{queue.oldestJobAgeSeconds}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t("scheduled")}</dt>
          <dd className="text-xl" data-testid="scheduled-count">
            {queue.scheduled}
          </dd>
          {queue.nextScheduledAt && <p className="text-xs text-slate-500">{t("nextAt", { at: fmt.format(queue.nextScheduledAt) })}</p>}
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t("retrying")}</dt>
          <dd className="text-xl">{queue.retrying}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t("dead")}</dt>
          <dd className="text-xl" data-testid="dead-count">
            {queue.deadLetters}
          </dd>
        </div>
      </dl>
      <h2 className="mb-2 text-lg font-medium">{t("deadTitle")}</h2>
      <p className="mb-4 text-sm text-slate-600">{t("deadHelp")}</p>
      {dead.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <div className="mb-3">
            <RetryButton locale={locale} jobId="all" label={t("retryAll")} />
          </div>
          <table className="w-full text-left text-sm" data-testid="dead-jobs">
            <thead>
              <tr>
                <th>{t("task")}</th>
                <th>{t("key")}</th>
                <th>{t("attempts")}</th>
                <th>{t("lastError")}</th>
                <th>{t("failedAt")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {dead.map((job) => (
                <tr key={job.id} className="border-t align-top">
                  <td className="py-2">{job.task}</td>
                  <td className="py-2 font-mono text-xs">{job.key ?? "—"}</td>
                  <td className="py-2">{job.attempts}</td>
                  <td className="max-w-xs py-2 break-words text-red-700">{job.lastError ?? "—"}</td>
                  <td className="py-2">{fmt.format(job.failedAt)}</td>
                  <td className="py-2">
                    <RetryButton locale={locale} jobId={job.id} label={t("retry")} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
