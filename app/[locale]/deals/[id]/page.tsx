import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { OrgName } from "@/components/orgs/org-name";
import { notFound } from "next/navigation";
import { StateForm } from "@/components/form/state-form";
import { ContractForm } from "@/components/deals/contract-form";
import { OutcomeForm } from "@/components/deals/outcome-form";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getDeal } from "@/lib/deals/get-deal";
import { requestIp } from "@/lib/http/request-ip";
import { DECLINE_REASONS } from "@/lib/deals/transitions";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/policy";
import { contractAction, messageAction, moveAction, outcomeAction, respondAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

const button = "rounded px-3 py-1.5 text-sm";

export default async function DealPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/deals/${id}`);
  const detail = await getDeal(actor, id, new Date(), { ip: await requestIp() }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { deal, timeline, messages } = detail;
  const t = await getTranslations({ locale, namespace: "deal" });
  const format = await getFormatter({ locale });
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });
  const dateTime = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const staff = can(actor, "broker.workbench");
  const now = new Date();
  const reasonSelect = (
    <select name="reason" aria-label={t("declineReason")} className="rounded border border-slate-300 px-2 py-1 text-sm" defaultValue="">
      <option value="" disabled>
        {t("declineReason")}
      </option>
      {DECLINE_REASONS.map((r) => (
        <option key={r} value={r}>
          {t(`reason.${r}`)}
        </option>
      ))}
    </select>
  );
  const nextFollowUp = deal.contract?.followUps.find((f) => !f.completedAt);

  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm text-slate-500">{t("title")}</p>
        <h1 className="text-2xl font-semibold">{deal.need.title ?? t("needHidden")}</h1>
        <p className="mt-2">
          <span className="rounded bg-brand-50 px-2 py-1 text-brand-700" data-testid="deal-state">
            {t(`state.${deal.state}`)}
          </span>
          {deal.lapsed && <span className="ml-3 rounded bg-red-50 px-2 py-1 text-sm text-red-700">{t("lapsed")}</span>}
        </p>
      </header>

      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2">
        <dt className="text-sm text-slate-500">{t("company")}</dt>
        <dd data-testid="deal-company">{deal.company ? <OrgName name={deal.company.name} verified={deal.company.verified} /> : t("companyHidden")}</dd>
        <dt className="text-sm text-slate-500">{t("researcher")}</dt>
        <dd>
          {deal.researcher.name}
          {deal.researcher.organisation ? (
            <>
              {" "}
              · <OrgName name={deal.researcher.organisation} verified={deal.researcher.organisationVerified} />
            </>
          ) : (
            ""
          )}
        </dd>
        {deal.result && (
          <>
            <dt className="text-sm text-slate-500">{t("result")}</dt>
            <dd>
              <Link href={`/results/${deal.result.id}`} className="text-brand-700 hover:underline">
                {deal.result.title}
              </Link>
            </dd>
          </>
        )}
        {deal.broker && (
          <>
            <dt className="text-sm text-slate-500">{t("broker")}</dt>
            <dd>{deal.broker.name}</dd>
          </>
        )}
        {deal.respondBy && deal.state === "SUGGESTED" && (
          <>
            <dt className="text-sm text-slate-500">{t("respondBy")}</dt>
            <dd>
              {date(deal.respondBy)} · {deal.companyAcceptedAt ? t("companyAccepted") : `${t("company")}: ${t("waiting")}`} ·{" "}
              {deal.researcherAcceptedAt ? t("researcherAccepted") : `${t("researcher")}: ${t("waiting")}`}
            </dd>
          </>
        )}
        {deal.declineReason && (
          <>
            <dt className="text-sm text-slate-500">{t("decline")}</dt>
            <dd data-testid="decline-reason">{t("declineReasonShown", { reason: t(`reason.${deal.declineReason}`) })}</dd>
          </>
        )}
      </dl>
      {(deal.need.teaser || deal.need.description) && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold">{t("need")}</h2>
          {deal.need.description ? <p className="whitespace-pre-line">{deal.need.description}</p> : <p>{deal.need.teaser}</p>}
        </section>
      )}

      {deal.awaitingMyAnswer && (
        <section aria-labelledby="respond-heading" className="rounded-lg border border-brand-100 bg-brand-50 p-4">
          <h2 id="respond-heading" className="mb-3 font-semibold">
            {t("respondTitle")}
          </h2>
          <StateForm action={respondAction.bind(null, locale)} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="dealId" value={id} />
            <input type="hidden" name="version" value={deal.version} />
            <button type="submit" name="decision" value="accept" className={`${button} bg-brand-600 text-white`}>
              {t("accept")}
            </button>
            {reasonSelect}
            <button type="submit" name="decision" value="decline" className={`${button} border border-slate-300 bg-white`}>
              {t("decline")}
            </button>
          </StateForm>
        </section>
      )}

      {deal.moves.length > 0 || !["COMPLETED", "DECLINED"].includes(deal.state) ? (
        <section aria-labelledby="moves-heading">
          <h2 id="moves-heading" className="mb-3 text-lg font-semibold">
            {t("movesTitle")}
          </h2>
          {
            <StateForm action={moveAction.bind(null, locale)} className="flex flex-wrap items-center gap-2">
              <input type="hidden" name="dealId" value={id} />
              <input type="hidden" name="version" value={deal.version} />
              {deal.moves.map((to) => (
                <button key={to} type="submit" name="to" value={to} className={`${button} bg-brand-600 text-white`}>
                  {t(`move.${to}`)}
                </button>
              ))}
              {!["COMPLETED", "DECLINED", "SUGGESTED"].includes(deal.state) && (
                <>
                  {reasonSelect}
                  <button type="submit" name="to" value="DECLINED" className={`${button} border border-slate-300 bg-white`}>
                    {t("move.DECLINED")}
                  </button>
                </>
              )}
            </StateForm>
          }
        </section>
      ) : (
        <p>{t("noMoves")}</p>
      )}

      {deal.state === "NEGOTIATING" && (
        <section aria-labelledby="contract-heading" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="contract-heading" className="mb-3 text-lg font-semibold">
            {t("contractTitle")}
          </h2>
          <ClientMessages namespaces={["deal"]}>
            <ContractForm action={contractAction.bind(null, locale)} dealId={id} version={deal.version} />
          </ClientMessages>
        </section>
      )}

      {deal.contract && (
        <section aria-labelledby="contract-record" className="rounded-lg bg-white p-4 shadow-sm" data-testid="contract">
          <h2 id="contract-record" className="mb-3 text-lg font-semibold">
            {t("contractTitle")}
          </h2>
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <dt>{t("contractMode")}</dt>
            <dd>{t(`mode.${deal.contract.mode}`)}</dd>
            <dt>{t("contractValue")}</dt>
            <dd>{format.number(deal.contract.valueCny)}</dd>
            <dt>{t("contractRegNo")}</dt>
            <dd>{deal.contract.contractRegistrationNo}</dd>
            <dt>{t("contractSignedAt")}</dt>
            <dd>{date(deal.contract.signedAt)}</dd>
          </dl>
          {deal.contract.milestones.length > 0 && (
            <ul className="mt-3 list-disc pl-5 text-sm">
              {deal.contract.milestones.map((m, i) => (
                <li key={i}>
                  {m.title}
                  {m.amountCny !== undefined ? ` · ${format.number(m.amountCny)}` : ""}
                  {m.dueAt ? ` · ${t("milestoneDue")} ${m.dueAt}` : ""}
                  {m.paidAt ? ` · ${t("milestonePaid")} ${m.paidAt}` : ""}
                </li>
              ))}
            </ul>
          )}
          <h3 className="mt-4 font-semibold">{t("followUpsTitle")}</h3>
          <ul className="mt-2 space-y-2 text-sm">
            {deal.contract.followUps.map((f) => (
              <li key={f.id}>
                {t("followUpMonths", { months: f.monthsAfter })} · {t("dueAt")} {date(f.dueAt)}
                {f.completedAt &&
                  ` · ${t("completed")}: ${t("productLaunched")} ${f.productLaunched ? t("yes") : t("no")}${f.revenueCny !== null ? `, ${t("revenue")} ${format.number(f.revenueCny)}` : ""}${f.patentsFiled !== null ? `, ${t("patentsFiled")} ${f.patentsFiled}` : ""}${f.jobsCreated !== null ? `, ${t("jobsCreated")} ${f.jobsCreated}` : ""}`}
                {staff && f.id === nextFollowUp?.id && !f.completedAt && new Date(f.opensAt) > now && (
                  <p className="text-slate-500" data-testid="follow-up-not-open">
                    {t("followUpOpens", { date: date(f.opensAt) })}
                  </p>
                )}
                {staff && f.id === nextFollowUp?.id && new Date(f.opensAt) <= now && (
                  <ClientMessages namespaces={["deal"]}>
                    <OutcomeForm action={outcomeAction.bind(null, locale)} dealId={id} followUpId={f.id} months={f.monthsAfter} />
                  </ClientMessages>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
          {t("timelineTitle")}
        </h2>
        <ol className="space-y-2 border-l-2 border-brand-100 pl-4" data-testid="timeline">
          {timeline.map((e) => (
            <li key={e.id} className="text-sm">
              <time dateTime={e.at} className="text-slate-500">
                {dateTime(e.at)}
              </time>{" "}
              {t("timelineEntry", { actor: e.actor || t("companySide"), state: t(`state.${e.to}`) })}
              {e.note && <span className="text-slate-600"> — {e.note}</span>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading" className="mb-3 text-lg font-semibold">
          {t("messagesTitle")}
        </h2>
        {messages.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noMessages")}</p>
        ) : (
          <ul className="mb-4 space-y-2" data-testid="messages">
            {messages.map((m) => (
              <li key={m.id} className={`rounded p-3 text-sm ${m.mine ? "bg-brand-50" : "bg-white shadow-sm"}`}>
                <p className="text-xs text-slate-500">
                  {m.mine ? t("me") : m.sender || t("companySide")} · {dateTime(m.at)}
                </p>
                <p className="whitespace-pre-line">{m.body}</p>
              </li>
            ))}
          </ul>
        )}
        <StateForm action={messageAction.bind(null, locale)}>
          <input type="hidden" name="dealId" value={id} />
          <label htmlFor="body" className="block text-sm font-medium">
            {t("messageBody")}
          </label>
          <textarea id="body" name="body" rows={3} required className="mt-1 block w-full rounded border border-slate-300 px-3 py-2" />
          <button type="submit" className={`${button} mt-2 bg-brand-600 text-white`}>
            {t("send")}
          </button>
        </StateForm>
      </section>
    </article>
  );
}
