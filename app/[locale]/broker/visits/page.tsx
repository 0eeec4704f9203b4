import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { StateForm } from "@/components/form/state-form";
import { Field } from "@/components/form/field";
import { Link } from "@/i18n/navigation";
import { OrgName } from "@/components/orgs/org-name";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listCompanies, listMyVisits } from "@/lib/broker/visits";
import { can } from "@/lib/policy";
import { captureNeedAction, logVisitAction } from "../actions";

const button = "rounded bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700";

export default async function VisitsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/broker/visits");
  if (!can(actor, "visit.log")) notFound();
  const [visits, companies] = await Promise.all([listMyVisits(actor), listCompanies(actor)]);
  const t = await getTranslations({ locale, namespace: "broker" });
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("visitsTitle")}</h1>
      <section aria-labelledby="log-visit" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="log-visit" className="mb-3 text-lg font-semibold">
          {t("logVisit")}
        </h2>
        <StateForm action={logVisitAction.bind(null, locale)}>
          <div className="mb-4">
            <label htmlFor="organisationId" className="block text-sm font-medium">
              {t("visitCompany")}
            </label>
            <select id="organisationId" name="organisationId" required className="mt-1 block w-full rounded border border-slate-300 px-3 py-2">
              {companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <Field name="visitedOn" type="date" label={t("visitedOn")} required />
          <Field name="peopleMet" label={t("peopleMet")} required />
          <Field name="notes" label={t("visitNotes")} multiline rows={4} required />
          <button type="submit" className={button}>
            {t("saveVisit")}
          </button>
        </StateForm>
      </section>
      {visits.length === 0 ? (
        <p>{t("visitsEmpty")}</p>
      ) : (
        <ul className="space-y-4" data-testid="visits">
          {visits.map((v) => (
            <li key={v.id} className="rounded-lg bg-white p-4 shadow-sm">
              <p className="font-medium">
                {v.visitedOn} · <OrgName name={v.organisation} verified={v.organisationVerified} />
              </p>
              <p className="text-sm text-slate-600">
                {t("peopleMet")}: {v.peopleMet}
              </p>
              <p className="mt-1 whitespace-pre-line text-sm">{v.notes}</p>
              {v.needs.length > 0 && (
                <div className="mt-2 text-sm">
                  <span className="font-medium">{t("draftNeeds")}:</span>{" "}
                  {v.needs.map((n) => (
                    <Link key={n.id} href={`/needs/${n.id}`} className="mr-2 text-brand-700 hover:underline">
                      {n.title}
                    </Link>
                  ))}
                </div>
              )}
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium">{t("captureTitle")}</summary>
                <StateForm action={captureNeedAction.bind(null, locale)} className="mt-2 space-y-2 text-sm">
                  <input type="hidden" name="visitId" value={v.id} />
                  <label className="block">
                    {t("needTitle")}
                    <input name="title" required className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" />
                  </label>
                  <label className="block">
                    {t("needDescription")}
                    <textarea name="description" rows={3} required className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" />
                  </label>
                  <label className="block">
                    {t("needField")}
                    <input name="field" required className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" />
                  </label>
                  <button type="submit" className={button}>
                    {t("captureNeed")}
                  </button>
                </StateForm>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
