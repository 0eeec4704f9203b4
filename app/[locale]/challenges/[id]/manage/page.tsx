import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Badge, formatCny, formatDate, Panel } from "@/components/challenges/ui";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getChallengeView } from "@/lib/challenges/queries";
import { getScoreBoard } from "@/lib/challenges/review";
import { isAppError } from "@/lib/errors";
import { StateForm } from "@/components/form/state-form";
import { addPanelMemberAction, removePanelMemberAction, awardAction, moveChallengeAction, outcomeAction, shortlistAction } from "../../actions";

// The sponsor console of one challenge: publish / close / cancel, the panel, the score board
// (weighted scores with the spread between experts), shortlist and award, projects and outcome.
export default async function ManageChallengePage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/challenges/${id}/manage`);
  const loaded = await Promise.all([getChallengeView(actor, id), getScoreBoard(actor, id)]).catch((e) => {
    if (isAppError(e) && e.status < 500) notFound();
    throw e;
  });
  const [c, board] = loaded;
  const t = await getTranslations({ locale, namespace: "challenges" });
  const move = moveChallengeAction.bind(null, locale);
  const panelEditable = c.status === "DRAFT" || c.status === "OPEN" || c.status === "REVIEW";
  const running = board.items.filter((i) => i.status === "SUBMITTED" || i.status === "SHORTLISTED");
  return (
    <div>
      <Link href={`/challenges/${id}`} className="text-sm text-brand-700 hover:underline">
        ← {c.title}
      </Link>
      <div className="mt-2 mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("console")}</h1>
        <Badge status={c.status}>{t(`status.${c.status}`)}</Badge>
      </div>

      <Panel title={t("lifecycle")} testId="lifecycle">
        <p className="mb-3 text-sm text-slate-600">{t(`hint.${c.status}`)}</p>
        <div className="flex flex-wrap gap-4">
          {c.status === "DRAFT" && (
            <ActionForm action={move} submitLabel={t("publish")} pendingLabel={t("pending")} testId="publish">
              <input type="hidden" name="challengeId" value={id} />
              <input type="hidden" name="to" value="OPEN" />
              <input type="hidden" name="version" value={c.version} />
            </ActionForm>
          )}
          {c.status === "OPEN" && (
            <ActionForm action={move} submitLabel={t("closeCall")} pendingLabel={t("pending")} testId="close">
              <input type="hidden" name="challengeId" value={id} />
              <input type="hidden" name="to" value="REVIEW" />
              <input type="hidden" name="version" value={c.version} />
            </ActionForm>
          )}
          {(c.status === "DRAFT" || c.status === "OPEN" || c.status === "REVIEW") && (
            <ActionForm action={move} submitLabel={t("cancel")} pendingLabel={t("pending")} danger>
              <input type="hidden" name="challengeId" value={id} />
              <input type="hidden" name="to" value="CANCELLED" />
              <input type="hidden" name="version" value={c.version} />
              <Field name="reason" label={t("cancelReason")} />
            </ActionForm>
          )}
        </div>
      </Panel>

      <Panel title={t("panel")} testId="panel">
        <ul className="mb-3 text-sm">
          {board.panel.length === 0 && <li className="text-slate-500">{t("panelEmpty")}</li>}
          {board.panel.map((p) => (
            <li key={p.id} data-testid="panel-member" className="flex flex-wrap items-center gap-2 py-1">
              <span>{p.name}</span>
              {p.conflicts.length > 0 && <span className="text-xs text-amber-700">{t("conflicts", { count: p.conflicts.length })}</span>}
              {p.scored && <span className="text-xs text-slate-500">{t("scored")}</span>}
              {!p.scored && panelEditable && (
                <StateForm action={removePanelMemberAction.bind(null, locale)} className="inline-flex items-center gap-2" label={t("removeExpert")}>
                  <input type="hidden" name="challengeId" value={id} />
                  <input type="hidden" name="panelMemberId" value={p.id} />
                  <button type="submit" data-testid="remove-expert" className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50">
                    {t("removeExpert")}
                  </button>
                </StateForm>
              )}
            </li>
          ))}
        </ul>
        {panelEditable && board.panel.length > 0 && <p className="mb-3 text-xs text-slate-500">{t("removeExpertHint")}</p>}
        {c.status !== "COMPLETED" && c.status !== "CANCELLED" && (
          <ActionForm action={addPanelMemberAction.bind(null, locale)} submitLabel={t("addExpert")} pendingLabel={t("pending")}>
            <input type="hidden" name="challengeId" value={id} />
            <Field name="email" label={t("expertEmail")} type="email" />
          </ActionForm>
        )}
      </Panel>

      <Panel title={t("scoreBoard")} testId="score-board">
        {board.items.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noApplications")}</p>
        ) : (
          <ol className="space-y-3">
            {board.items.map((a, i) => (
              <li key={a.id} data-testid="board-row" className="rounded border border-slate-200 p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link href={`/challenges/applications/${a.id}`} className="font-medium text-brand-700 hover:underline">
                    {i + 1}. {a.applicant}
                    {a.organisation ? ` · ${a.organisation}` : ""}
                  </Link>
                  <Badge status={a.status}>{t(`appStatus.${a.status}`)}</Badge>
                </div>
                <p className="mt-1 text-sm">
                  <span className="font-semibold" data-testid="weighted-score">
                    {a.score === null ? t("notScored") : t("score", { score: a.score })}
                  </span>
                  {a.spread && <span className="ml-2 text-slate-600">{t("spread", { range: a.spread.range, sd: a.spread.stdDev })}</span>}
                  <span className="ml-2 text-slate-600">{t("experts", { count: a.experts })}</span>
                  <span className="ml-2 text-slate-600">
                    {t("budget")}: {formatCny(a.budgetCny, locale)}
                  </span>
                </p>
                {a.team.length > 0 && (
                  <p className="text-xs text-slate-500">
                    {t("team")}: {a.team.join("、")}
                  </p>
                )}
                {a.comments.length > 0 && (
                  <ul className="mt-1 list-disc pl-5 text-xs text-slate-600">
                    {a.comments.map((cm, k) => (
                      <li key={k}>
                        {board.challenge.criteria.find((x) => x.key === cm.criterionKey)?.name}: {cm.comment}
                      </li>
                    ))}
                  </ul>
                )}
                {a.decisionReason && <p className="mt-1 text-xs text-slate-600">{a.decisionReason}</p>}
                {c.status === "REVIEW" && (a.status === "SUBMITTED" || a.status === "SHORTLISTED") && (
                  <div className="mt-2">
                    <ActionForm
                      action={shortlistAction.bind(null, locale)}
                      submitLabel={a.status === "SHORTLISTED" ? t("unshortlist") : t("shortlist")}
                      pendingLabel={t("pending")}
                    >
                      <input type="hidden" name="applicationId" value={a.id} />
                      <input type="hidden" name="version" value={a.version} />
                      <input type="hidden" name="shortlisted" value={a.status === "SHORTLISTED" ? "false" : "true"} />
                    </ActionForm>
                  </div>
                )}
                {a.status === "AWARDED" && (
                  <Link href={`/challenges/applications/${a.id}/project`} className="mt-2 inline-block text-sm text-brand-700 underline">
                    {t("projectPage")}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        )}
      </Panel>

      {c.status === "REVIEW" && running.length > 0 && (
        <Panel title={t("award")} testId="award">
          <p className="mb-3 text-sm text-slate-600">{t("awardHint")}</p>
          <ActionForm action={awardAction.bind(null, locale)} submitLabel={t("awardSubmit")} pendingLabel={t("pending")}>
            <input type="hidden" name="challengeId" value={id} />
            <input type="hidden" name="version" value={c.version} />
            {running.map((a) => (
              <div key={a.id} className="rounded border border-slate-200 p-3">
                <label className="flex items-center gap-2 font-medium">
                  <input type="checkbox" name="award" value={a.id} /> {a.applicant}
                  {a.score !== null && <span className="text-sm text-slate-500">({a.score})</span>}
                </label>
                <label className="mt-2 block text-sm">
                  {t("decisionReason")}
                  <textarea name={`reason.${a.id}`} rows={2} className="mt-1 block w-full rounded border border-slate-300 px-3 py-2" />
                </label>
              </div>
            ))}
          </ActionForm>
        </Panel>
      )}

      {c.status === "COMPLETED" && c.details && (
        <Panel title={t("recordOutcome")} testId="outcome-form">
          <ActionForm action={outcomeAction.bind(null, locale)} submitLabel={t("saveOutcome")} pendingLabel={t("pending")}>
            <input type="hidden" name="challengeId" value={id} />
            <label className="block text-sm font-medium">
              {t("evaluation")}
              <select name="monthsAfter" className="mt-1 block w-full rounded border border-slate-300 px-3 py-2">
                <option value="0">{t("outcomeAtCompletion")}</option>
                <option value="12">{t("outcomeAfter12")}</option>
              </select>
            </label>
            {c.details.indicators.map((ind) => (
              <div key={ind.key} className="grid items-end gap-2 md:grid-cols-3">
                <Field name={`measured.${ind.key}`} label={`${ind.name} (${ind.target})`} />
                <label className="mb-4 flex items-center gap-2 text-sm">
                  <input type="checkbox" name={`reached.${ind.key}`} /> {t("reached")}
                </label>
              </div>
            ))}
            <Field name="products" label={t("products")} />
            <div className="grid gap-x-4 md:grid-cols-3">
              <Field name="patentsFiled" label={t("patents")} type="number" min={0} />
              <Field name="revenueCny" label={t("revenue")} type="number" min={0} />
              <Field name="followOnContracts" label={t("followOn")} type="number" min={0} />
            </div>
            <Field name="contractRegistrationNo" label={t("contractNo")} />
            <Field name="notes" label={t("notes")} multiline rows={2} />
          </ActionForm>
        </Panel>
      )}
      <p className="text-xs text-slate-500">
        {t("deadline")}: {formatDate(c.applicationDeadline, locale)} · {t("bounty")}: {formatCny(c.bountyTotalCny, locale)}
      </p>
    </div>
  );
}
