import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Panel } from "@/components/challenges/ui";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isoDay } from "@/lib/challenges/form-defaults";
import { challengeFormOptions } from "@/lib/challenges/queries";
import { can } from "@/lib/policy";
import { createChallengeAction } from "../actions";

const ORG_KINDS = ["COMPANY", "UNIVERSITY", "TTO"] as const;

// Publishing a challenge starts here: the sponsor (or a broker for a company, or staff for a
// programme) writes a DRAFT, then publishes it from the console.
export default async function NewChallengePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/challenges/new");
  if (!can(actor, "challenge.create")) notFound();
  const [options, t] = await Promise.all([challengeFormOptions(actor), getTranslations({ locale, namespace: "challenges" })]);
  const input = "mt-1 block w-full rounded border border-slate-300 px-3 py-2";
  const inTwoWeeks = isoDay(45);
  return (
    <div>
      <h1 className="mb-2 text-2xl font-semibold">{t("newChallenge")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("newIntro")}</p>
      <Panel>
        <ActionForm action={createChallengeAction.bind(null, locale)} submitLabel={t("saveDraft")} pendingLabel={t("pending")} testId="challenge-form">
          {options.staff && (
            <label className="block text-sm font-medium">
              {t("sponsorOrg")}
              <select name="sponsorOrganisationId" className={input} required>
                {options.orgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <Field name="title" label={t("form.title")} required />
          <Field name="teaser" label={t("form.teaser")} hint={t("form.teaserHint")} multiline rows={2} required />
          <Field name="problem" label={t("form.problem")} multiline rows={6} required />
          <div className="grid gap-x-4 md:grid-cols-2">
            <Field name="field" label={t("field")} required />
            <Field name="region" label={t("region")} />
            <Field name="keywords" label={t("form.keywords")} hint={t("form.listHint")} />
            <label className="mb-4 block text-sm font-medium">
              {t("chain")}
              <select name="chainNodeId" className={input}>
                <option value="">—</option>
                {options.nodes.map((n) => (
                  <option key={n.id} value={n.id}>
                    {locale === "en" ? `${n.chain.nameEn} · ${n.nameEn}` : `${n.chain.nameZh} · ${n.nameZh}`}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {options.needs.length > 0 && (
            <fieldset className="mb-4">
              <legend className="text-sm font-medium">{t("form.fromNeeds")}</legend>
              {options.needs.map((n) => (
                <label key={n.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="needIds" value={n.id} /> {n.title}
                </label>
              ))}
            </fieldset>
          )}
          <Field name="indicators" label={t("indicators")} hint={t("form.indicatorsHint")} multiline rows={3} required />
          <div className="grid gap-x-4 md:grid-cols-3">
            <Field name="bountyTotalCny" label={t("form.bounty")} type="number" min={1} required />
            <Field name="applicationDeadline" label={t("deadline")} type="date" defaultValue={inTwoWeeks} required />
            <Field name="durationMonths" label={t("form.durationMonths")} type="number" min={1} max={120} defaultValue="12" required />
          </div>
          <Field name="milestoneSplit" label={t("milestoneSplit")} hint={t("form.splitHint")} multiline rows={3} required />
          <Field name="criteria" label={t("criteria")} hint={t("form.criteriaHint")} multiline rows={5} defaultValue={t("form.criteriaDefault")} required />
          <fieldset className="mb-4">
            <legend className="text-sm font-medium">{t("eligibility")}</legend>
            <div className="flex flex-wrap gap-4">
              {ORG_KINDS.map((k) => (
                <label key={k} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="eligibleOrgKinds" value={k} /> {t(`orgKind.${k}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-x-4 md:grid-cols-2">
            <Field name="eligibleRegions" label={t("form.eligibleRegions")} hint={t("form.listHint")} />
            <Field name="qualifications" label={t("form.qualifications")} />
          </div>
          <label className="mb-2 block text-sm font-medium">
            {t("form.visibility")}
            <select name="visibility" className={input}>
              <option value="PUBLIC">{t("visibility.PUBLIC")}</option>
              <option value="CONFIDENTIAL">{t("visibility.CONFIDENTIAL")}</option>
            </select>
          </label>
          <label className="mb-4 flex items-center gap-2 text-sm">
            <input type="checkbox" name="blindReview" /> {t("form.blindReview")}
          </label>
        </ActionForm>
      </Panel>
    </div>
  );
}
