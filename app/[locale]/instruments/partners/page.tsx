import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listPartners, partnerSuggestions } from "@/lib/instruments/partners";
import { can } from "@/lib/policy";
import { When } from "@/components/time/when";
import { InlineActionForm } from "@/components/instruments/action-form";
import { InstrumentsNav } from "@/components/instruments/instruments-nav";
import { addPartnerAction, removePartnerAction } from "../actions";

// The institution's partners (合作单位): their members book its instruments at the partner price.
export default async function InstrumentPartnersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/instruments/partners");
  const organisationId = actor.organisationId ?? "";
  if (!can(actor, "instrument.partners", { organisationId })) notFound();
  const [partners, suggestions] = await Promise.all([listPartners(actor, organisationId), partnerSuggestions(actor, organisationId)]);
  const t = await getTranslations({ locale, namespace: "instruments" });
  return (
    <section>
      <InstrumentsNav locale={locale} actor={actor} current="/instruments/partners" />
      <h1 className="mb-1 text-2xl font-semibold">{t("partners.title")}</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("partners.intro")}</p>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 text-lg font-semibold">{t("partners.list", { n: partners.length })}</h2>
          {partners.length === 0 ? (
            <p className="text-sm text-slate-600">{t("partners.none")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="partners">
              {partners.map((p) => (
                <li key={p.organisationId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <span className="font-medium">{p.name}</span>
                    <span className="text-slate-500">
                      {" · "}
                      {t(`orgKind.${p.kind}`)}
                      {" · "}
                      {t("partners.since")} <When at={p.since} show="date" />
                    </span>
                  </span>
                  <InlineActionForm
                    action={removePartnerAction}
                    locale={locale}
                    hidden={{ partnerOrganisationId: p.organisationId }}
                    tone="danger"
                    submit={t("partners.remove")}
                    testId={`remove-partner-${p.organisationId}`}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
        <aside className="space-y-4">
          <div className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-2 text-lg font-semibold">{t("partners.add")}</h2>
            <InlineActionForm
              action={addPartnerAction}
              locale={locale}
              hidden={{}}
              submit={t("partners.addSubmit")}
              fields={[{ name: "name", label: t("partners.name"), required: true }]}
              testId="add-partner"
            />
            <p className="mt-2 text-xs text-slate-500">{t("partners.hint")}</p>
          </div>
          {suggestions.length > 0 && (
            <div className="rounded-lg bg-white p-4 shadow-sm">
              <h2 className="mb-2 text-base font-semibold">{t("partners.suggestions")}</h2>
              <ul className="space-y-2 text-sm" data-testid="partner-suggestions">
                {suggestions.map((o) => (
                  <li key={o.id} className="flex items-center justify-between gap-2">
                    <span>{o.name}</span>
                    <InlineActionForm
                      action={addPartnerAction}
                      locale={locale}
                      hidden={{ partnerOrganisationId: o.id }}
                      tone="secondary"
                      submit={t("partners.addShort")}
                    />
                  </li>
                ))}
              </ul>
            </div>
          )}
        </aside>
      </div>
    </section>
  );
}
