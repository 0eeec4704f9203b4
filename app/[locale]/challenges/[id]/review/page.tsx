import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Badge, formatCny, formatDate, Panel } from "@/components/challenges/ui";
import { ActionForm } from "@/components/form/action-form";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getReviewBoard } from "@/lib/challenges/review";
import { MAX_SCORE } from "@/lib/challenges/scoring";
import { isAppError } from "@/lib/errors";
import { declareConflictAction, scoreAction } from "../../actions";

// The panel member's review page: per application a conflict declaration and a score sheet
// (0..10 per criterion with a comment). Conflicted applications are not shown at all.
export default async function ReviewPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/challenges/${id}/review`);
  const board = await getReviewBoard(actor, id).catch((e) => {
    if (isAppError(e) && e.status < 500) notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "challenges" });
  const scoring = board.challenge.status === "REVIEW";
  return (
    <div>
      <Link href={`/challenges/${id}`} className="text-sm text-brand-700 hover:underline">
        ← {board.challenge.title}
      </Link>
      <div className="mt-2 mb-2 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("reviewPage")}</h1>
        <Badge status={board.challenge.status}>{t(`status.${board.challenge.status}`)}</Badge>
      </div>
      <p className="mb-4 text-sm text-slate-600">
        {scoring ? t("reviewIntro") : t("reviewNotYet")}
        {board.challenge.blindReview ? ` ${t("blindReview")}` : ""}
      </p>
      {board.conflicted.length > 0 && <p className="mb-4 text-sm text-amber-700">{t("conflictedHidden", { count: board.conflicted.length })}</p>}
      {board.items.length === 0 && <Panel>{t("noApplications")}</Panel>}
      {board.items.map((a) => (
        <Panel key={a.id} title={a.label ?? t("blindLabel", { n: a.blindIndex })} testId="review-item">
          <p className="mb-2 text-sm whitespace-pre-wrap">{a.approach}</p>
          <p className="mb-2 text-sm text-slate-600">
            {t("budget")}: {formatCny(a.budgetCny, locale)}
          </p>
          <Link href={`/challenges/applications/${a.id}`} className="mb-2 inline-block text-sm text-brand-700 hover:underline" data-testid="open-application">
            {t("openApplication")}
          </Link>
          <ul className="mb-3 list-disc pl-5 text-xs text-slate-600">
            {a.planMilestones.map((m, i) => (
              <li key={i}>
                {m.title} — {m.deliverables} ({formatDate(m.dueAt, locale)}, {formatCny(m.amountCny, locale)})
              </li>
            ))}
          </ul>
          <div className="grid gap-4 md:grid-cols-3">
            <div className="md:col-span-2">
              {scoring && (
                <ActionForm action={scoreAction.bind(null, locale)} submitLabel={t("saveScores")} pendingLabel={t("pending")} testId="score-form">
                  <input type="hidden" name="applicationId" value={a.id} />
                  {board.challenge.criteria.map((c) => {
                    const mine = a.scores.find((s) => s.criterionKey === c.key);
                    return (
                      <div key={c.key} className="grid grid-cols-3 items-center gap-2 text-sm">
                        <label htmlFor={`score-${a.id}-${c.key}`}>
                          {c.name} ({c.weight}%)
                        </label>
                        <input
                          id={`score-${a.id}-${c.key}`}
                          name={`score.${c.key}`}
                          type="number"
                          min={0}
                          max={MAX_SCORE}
                          defaultValue={mine?.score ?? ""}
                          className="rounded border border-slate-300 px-2 py-1"
                        />
                        <input
                          name={`comment.${c.key}`}
                          placeholder={t("comment")}
                          defaultValue={mine?.comment ?? ""}
                          className="rounded border border-slate-300 px-2 py-1"
                          aria-label={t("comment")}
                        />
                      </div>
                    );
                  })}
                </ActionForm>
              )}
            </div>
            <div>
              <ActionForm
                action={declareConflictAction.bind(null, locale)}
                submitLabel={t("declareConflict")}
                pendingLabel={t("pending")}
                testId="conflict-form"
                danger
              >
                <input type="hidden" name="applicationId" value={a.id} />
                <label className="block text-sm">
                  {t("conflictNote")}
                  <input name="note" className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" />
                </label>
              </ActionForm>
            </div>
          </div>
        </Panel>
      ))}
    </div>
  );
}
