import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { can } from "@/lib/policy";
import { ClientMessages } from "@/components/i18n/client-messages";
import { InstrumentForm } from "@/components/instruments/instrument-form";
import { InstrumentsNav } from "@/components/instruments/instruments-nav";
import { createInstrumentAction } from "../actions";

export default async function NewInstrumentPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/instruments/new");
  if (!can(actor, "instrument.create")) notFound();
  const t = await getTranslations({ locale, namespace: "instruments" });
  return (
    <section>
      <InstrumentsNav locale={locale} actor={actor} current="/instruments/new" />
      <h1 className="mb-1 text-2xl font-semibold">{t("form.newTitle")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("form.newIntro")}</p>
      <ClientMessages namespaces={["instruments"]}>
        <InstrumentForm action={createInstrumentAction} initial={{ services: "OPERATOR", openDays: "1,2,3,4,5", priceUnit: "HOUR" }} />
      </ClientMessages>
    </section>
  );
}
