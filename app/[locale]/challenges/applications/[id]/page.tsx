import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Badge, formatCny, formatDate, Panel } from "@/components/challenges/ui";
import { ChallengeFiles, FileInput } from "@/components/challenges/files";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { When } from "@/components/time/when";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getApplicationView } from "@/lib/challenges/queries";
import { isAppError } from "@/lib/errors";
import { MAX_ATTACHMENT_MB } from "@/lib/attachments/sniff";
import { addApplicationFilesAction, answerQuestionAction, askQuestionAction, withdrawApplicationAction } from "../../actions";

// One application: confidential between the applicant (and team), the sponsor and the panel.
export default async function ApplicationPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/challenges/applications/${id}`);
  const a = await getApplicationView(actor, id).catch((e) => {
    if (isAppError(e) && e.status < 500) notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "challenges" });
  return (
    <div>
      <Link href={`/challenges/${a.challenge.id}`} className="text-sm text-brand-700 hover:underline">
        ← {a.challenge.title}
      </Link>
      <div className="mt-2 mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("application")}</h1>
        <Badge status={a.status}>{t(`appStatus.${a.status}`)}</Badge>
      </div>
      <Panel testId="application">
        {a.applicant && (
          <p className="mb-2 text-sm">
            {t("applicant")}: {a.applicant.name}
            {a.applicant.organisation ? ` · ${a.applicant.organisation}` : ""}
          </p>
        )}
        {a.team.length > 0 && (
          <p className="mb-2 text-sm">
            {t("team")}: {a.team.map((m) => `${m.name}${m.organisation ? ` · ${m.organisation}` : ""}`).join("、")}
          </p>
        )}
        <h2 className="mt-3 mb-1 font-semibold">{t("approach")}</h2>
        <p className="text-sm whitespace-pre-wrap">{a.approach}</p>
        {a.results.length > 0 && (
          <>
            <h2 className="mt-3 mb-1 font-semibold">{t("priorResults")}</h2>
            <ul className="list-disc pl-5 text-sm">
              {a.results.map((r) => (
                <li key={r.id}>
                  <Link href={`/results/${r.id}`} className="text-brand-700 underline">
                    {r.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2 className="mt-3 mb-1 font-semibold">{t("plan")}</h2>
        <ul className="list-disc pl-5 text-sm">
          {a.planMilestones.map((m, i) => (
            <li key={i}>
              {m.title} — {m.deliverables} ({formatDate(m.dueAt, locale)}, {formatCny(m.amountCny, locale)})
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm">
          {t("budget")}: {formatCny(a.budgetCny, locale)}
        </p>
        {a.decisionReason && (
          <p className="mt-3 rounded bg-slate-50 p-3 text-sm" data-testid="decision-reason">
            {t("decisionReason")}: {a.decisionReason}
          </p>
        )}
        {a.status === "AWARDED" && (
          <Link href={`/challenges/applications/${a.id}/project`} className="mt-3 inline-block rounded bg-brand-600 px-4 py-2 text-sm text-white">
            {t("projectPage")}
          </Link>
        )}
      </Panel>
      <Panel title={t("files")} testId="application-files">
        <ChallengeFiles files={a.files} empty={t("noFiles")} />
        {a.may.attach && (
          <div className="mt-3">
            <ActionForm action={addApplicationFilesAction.bind(null, locale)} submitLabel={t("addFiles")} pendingLabel={t("pending")} testId="add-files">
              <input type="hidden" name="applicationId" value={a.id} />
              <FileInput name="attachments" label={t("attachments")} hint={t("attachmentsHint", { mb: MAX_ATTACHMENT_MB })} />
            </ActionForm>
          </div>
        )}
      </Panel>
      <Panel title={t("questions")} testId="questions">
        {a.questions.length === 0 && <p className="text-sm text-slate-500">{t("noQuestions")}</p>}
        <ol className="space-y-3">
          {a.questions.map((q) => (
            <li key={q.id} data-testid="question" className="rounded border border-slate-200 p-3 text-sm">
              <p className="text-xs text-slate-500">
                {t(`askedBy.${q.askedBy}`)} · <When at={q.askedAt} />
              </p>
              <p className="mt-1 font-medium whitespace-pre-wrap">{q.question}</p>
              {q.answer !== null ? (
                <p className="mt-2 rounded bg-slate-50 p-2 whitespace-pre-wrap" data-testid="answer">
                  <span className="text-xs text-slate-500">
                    {t("answer")} · <When at={q.answeredAt!} />
                  </span>
                  <br />
                  {q.answer}
                </p>
              ) : q.mayAnswer && a.may.answer ? (
                <div className="mt-2">
                  <ActionForm action={answerQuestionAction.bind(null, locale)} submitLabel={t("answerSubmit")} pendingLabel={t("pending")} testId="answer-form">
                    <input type="hidden" name="questionId" value={q.id} />
                    <input type="hidden" name="applicationId" value={a.id} />
                    <Field name="answer" label={t("answer")} multiline rows={3} required />
                  </ActionForm>
                </div>
              ) : (
                <p className="mt-2 text-xs text-amber-700">{t("awaitingAnswer")}</p>
              )}
            </li>
          ))}
        </ol>
        {a.may.ask && (
          <div className="mt-4">
            <p className="mb-2 text-xs text-slate-500">{t("askHint")}</p>
            <ActionForm action={askQuestionAction.bind(null, locale)} submitLabel={t("askSubmit")} pendingLabel={t("pending")} testId="ask-form">
              <input type="hidden" name="applicationId" value={a.id} />
              <Field name="question" label={t("askQuestion")} multiline rows={3} required />
            </ActionForm>
          </div>
        )}
      </Panel>
      {a.may.withdraw && (
        <Panel title={t("withdraw")}>
          <ActionForm action={withdrawApplicationAction.bind(null, locale)} submitLabel={t("withdraw")} pendingLabel={t("pending")} danger>
            <input type="hidden" name="applicationId" value={a.id} />
            <input type="hidden" name="version" value={a.version} />
          </ActionForm>
        </Panel>
      )}
    </div>
  );
}
