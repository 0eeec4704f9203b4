import { MatchScore, MatchTerms } from "@/components/matching/match-terms";
import { isGoodMatch } from "@/lib/matching/calibrate";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { StateForm } from "@/components/form/state-form";
import { Field } from "@/components/form/field";
import { NeedDetail } from "@/components/needs/need-detail";
import { OrgName } from "@/components/orgs/org-name";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getNeedCandidates } from "@/lib/broker/candidates";
import { getTriage } from "@/lib/broker/triage";
import { isAppError } from "@/lib/errors";
import { requestIp } from "@/lib/http/request-ip";
import { viewNeed } from "@/lib/needs/view-need";
import { visibleMatchTerms } from "@/lib/needs/visible-terms";
import { can } from "@/lib/policy";
import { listClarifications } from "@/lib/needs/clarifications";
import { ClarificationsPanel } from "../../../needs/[id]/clarifications-panel";
import { assignToMeAction, clarifyAction, handOverAction, introduceAction, markReadyAction, proposeEditAction } from "../../actions";

const button = "rounded bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700";

export default async function BrokerNeedPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/broker/needs/${id}`);
  if (!can(actor, "broker.workbench")) notFound();
  // The need as this broker may read it: in full (one audit row) only when acting for the owner.
  const [need, triage] = await Promise.all([viewNeed(actor, id, { ip: await requestIp(), via: "broker" }), getTriage(actor, id)]).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const candidates = triage.can.triage ? await getNeedCandidates(actor, id) : null;
  const clarifications = triage.can.triage ? await listClarifications(actor, id) : null;
  const chips = visibleMatchTerms(need);
  const t = await getTranslations({ locale, namespace: "broker" });
  const ts = await getTranslations({ locale, namespace: "search" });
  const tm = await getTranslations({ locale, namespace: "match" });
  // Field names in words (标题、关键词), never the internal keys.
  const tn = await getTranslations({ locale, namespace: "need" });
  return (
    <div className="space-y-8">
      <NeedDetail need={need} locale={locale} />
      {clarifications && clarifications.items.length > 0 && (
        <ClarificationsPanel locale={locale} needId={id} items={clarifications.items} canAnswer={false} viewer="broker" />
      )}

      <section aria-labelledby="triage-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="triage-heading" className="mb-2 text-lg font-semibold">
          {t("triageTitle")}
        </h2>
        <p className="mb-3 text-sm" data-testid="triage-status">
          {t(`triage.${triage.triageStatus}`)} · {t("assignedTo")}: {triage.broker?.name ?? t("unassigned")}
          {triage.helpRequested ? ` · ${t("helpRequested")}` : ""}
        </p>
        {need.access !== "full" && (
          <p className="mb-3 rounded bg-slate-50 p-3 text-sm text-slate-700" data-testid="broker-teaser-only">
            {t("teaserOnly")}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          {triage.can.claim && (
            <StateForm action={assignToMeAction.bind(null, locale)}>
              <input type="hidden" name="needId" value={id} />
              <button type="submit" className={button}>
                {t("assignToMe")}
              </button>
            </StateForm>
          )}
          {triage.can.triage && triage.triageStatus !== "READY" && (
            <StateForm action={markReadyAction.bind(null, locale)}>
              <input type="hidden" name="needId" value={id} />
              <button type="submit" className={button}>
                {t("markReady")}
              </button>
            </StateForm>
          )}
        </div>
        {triage.can.handOver && (
          <details className="mt-4">
            <summary className="cursor-pointer font-medium">{t("handOverTitle")}</summary>
            <StateForm action={handOverAction.bind(null, locale)} className="mt-2">
              <input type="hidden" name="needId" value={id} />
              <Field name="brokerEmail" type="email" label={t("handOverTo")} required />
              <button type="submit" className={button}>
                {t("handOver")}
              </button>
            </StateForm>
          </details>
        )}
        {triage.can.triage && (
          <>
            <details className="mt-4">
              <summary className="cursor-pointer font-medium">{t("clarifyTitle")}</summary>
              <StateForm action={clarifyAction.bind(null, locale)} className="mt-2">
                <input type="hidden" name="needId" value={id} />
                <Field name="question" label={t("question")} multiline rows={3} required />
                <button type="submit" className={button}>
                  {t("askClarify")}
                </button>
              </StateForm>
            </details>
            <details className="mt-4">
              <summary className="cursor-pointer font-medium">{t("proposeTitle")}</summary>
              <StateForm action={proposeEditAction.bind(null, locale)} className="mt-2">
                <input type="hidden" name="needId" value={id} />
                <Field name="title" label={t("newTitle")} defaultValue={need.title} />
                <Field name="description" label={t("newDescription")} multiline rows={5} defaultValue={need.description ?? ""} />
                <Field name="field" label={t("newField")} defaultValue={need.field} />
                <Field name="keywords" label={t("newKeywords")} defaultValue={need.keywords.join("，")} />
                <Field name="note" label={t("proposeNote")} />
                <button type="submit" className={button}>
                  {t("propose")}
                </button>
              </StateForm>
            </details>
          </>
        )}
        {triage.proposals.length > 0 && (
          <div className="mt-4 text-sm">
            <h3 className="font-medium">{t("proposals")}</h3>
            <ul className="list-disc pl-5">
              {triage.proposals.map((p) => (
                <li key={p.id}>
                  {p.fields.map((f) => (tn.has(f) ? tn(f) : f)).join(locale === "en" ? ", " : "、")} · {t(`proposalStatus.${p.status}`)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {candidates && (
        <section aria-labelledby="candidates-heading">
          <h2 id="candidates-heading" className="mb-3 text-lg font-semibold">
            {t("candidatesTitle")}
          </h2>
          {!candidates.ok ? (
            <p role="alert" className="rounded bg-amber-50 p-4 text-amber-800">
              {ts("unavailable")}
            </p>
          ) : candidates.candidates.length === 0 ? (
            <p data-testid="candidates">{t("candidatesEmpty")}</p>
          ) : (
            <>
              {/* Brokers see every candidate (they may still introduce one), weak ones marked, and
                the same "no good match yet" advice as the need page when none is good. */}
              {!candidates.candidates.some((c) => isGoodMatch(c.score)) && (
                <div className="mb-3 rounded bg-slate-50 p-4 text-sm text-slate-700" data-testid="no-good-match">
                  <p className="font-medium">{tm("noGoodMatch")}</p>
                  <p className="mt-1">{tm("noGoodMatchHint")}</p>
                </div>
              )}
              <ol className="space-y-3" data-testid="candidates">
                {candidates.candidates.map((c) => (
                  <li key={c.id} className="rounded-lg bg-white p-4 shadow-sm">
                    <div className="flex items-baseline justify-between gap-4">
                      <Link href={`/results/${c.id}`} className="font-medium text-brand-700 hover:underline">
                        {c.title}
                      </Link>
                      <span className="flex shrink-0 items-baseline gap-2">
                        {!isGoodMatch(c.score) && <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{tm("weakMatch")}</span>}
                        <MatchScore label={tm("score")} score={c.score} />
                      </span>
                    </div>
                    <p className="mt-1 text-sm text-slate-500">
                      {c.researcher?.name && `${c.researcher.name} · `}
                      {c.organisationName && (
                        <>
                          <OrgName name={c.organisationName} verified={c.organisationVerified !== false} />
                          {" · "}
                        </>
                      )}
                      {[c.field, c.trl ? `TRL ${c.trl}` : null].filter(Boolean).join(" · ")}
                    </p>
                    {chips(c.explanation.matchedTerms).length > 0 && (
                      <p className="mt-1 text-xs">
                        <MatchTerms label={tm("matchedTerms")} terms={chips(c.explanation.matchedTerms)} />
                      </p>
                    )}
                    {c.dealId ? (
                      <Link href={`/deals/${c.dealId}`} className="mt-2 inline-block text-sm text-green-700">
                        {t("introduced")}
                      </Link>
                    ) : c.researcher ? (
                      <StateForm
                        action={introduceAction.bind(null, locale)}
                        className="mt-2 flex flex-wrap items-end gap-2"
                        label={`${t("introduce")} ${c.title}`}
                      >
                        <input type="hidden" name="needId" value={id} />
                        <input type="hidden" name="resultId" value={c.id} />
                        <label className="text-xs">
                          {t("respondWithinDays")}
                          <br />
                          <input
                            name="respondWithinDays"
                            type="number"
                            min={1}
                            max={60}
                            defaultValue={7}
                            className="w-20 rounded border border-slate-300 px-2 py-1"
                          />
                        </label>
                        <label className="text-xs">
                          {t("introNote")}
                          <br />
                          <input name="note" className="w-64 rounded border border-slate-300 px-2 py-1" />
                        </label>
                        <button type="submit" className={button}>
                          {t("introduce")}
                        </button>
                      </StateForm>
                    ) : null}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </div>
  );
}
