import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { FileInput } from "@/components/challenges/files";
import { formatCny, Panel } from "@/components/challenges/ui";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { planTemplate } from "@/lib/challenges/form-defaults";
import { MAX_ATTACHMENT_MB } from "@/lib/attachments/sniff";
import { applyFormOptions, getChallengeView } from "@/lib/challenges/queries";
import { isAppError } from "@/lib/errors";
import { applyAction } from "../../actions";

// 揭榜: the application form (approach, team across organisations, prior results, plan, budget).
export default async function ApplyPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/challenges/${id}/apply`);
  const c = await getChallengeView(actor, id).catch((e) => {
    if (isAppError(e) && e.status < 500) notFound();
    throw e;
  });
  if (!c.may.apply) notFound();
  const [{ results }, t] = await Promise.all([applyFormOptions(actor), getTranslations({ locale, namespace: "challenges" })]);
  const plan = planTemplate(c, t("form.deliverablesPlaceholder"));
  return (
    <div>
      <Link href={`/challenges/${id}`} className="text-sm text-brand-700 hover:underline">
        ← {c.title}
      </Link>
      <h1 className="mt-2 mb-1 text-2xl font-semibold">{t("applyTitle")}</h1>
      <p className="mb-4 text-sm text-slate-600">
        {t("bounty")}: {formatCny(c.bountyTotalCny, locale)} · {t("applyConfidential")}
      </p>
      <Panel>
        <ActionForm action={applyAction.bind(null, locale)} submitLabel={t("submitApplication")} pendingLabel={t("pending")} testId="apply-form">
          <input type="hidden" name="challengeId" value={id} />
          <Field name="approach" label={t("approach")} multiline rows={6} required />
          <Field name="teamEmails" label={t("teamEmails")} hint={t("teamEmailsHint")} />
          {results.length > 0 && (
            <fieldset className="mb-4 max-h-56 overflow-y-auto rounded border border-slate-200 p-2">
              <legend className="text-sm font-medium">{t("priorResults")}</legend>
              {results.map((r) => (
                <label key={r.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="resultIds" value={r.id} /> {r.title}
                </label>
              ))}
            </fieldset>
          )}
          <Field name="planMilestones" label={t("plan")} hint={t("form.planHint")} multiline rows={4} defaultValue={plan} required />
          <Field name="budgetCny" label={t("budget")} type="number" min={0} defaultValue={String(c.bountyTotalCny)} required />
          <FileInput name="attachments" label={t("attachments")} hint={t("attachmentsHint", { mb: MAX_ATTACHMENT_MB })} />
        </ActionForm>
      </Panel>
    </div>
  );
}
