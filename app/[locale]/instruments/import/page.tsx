import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { INSTRUMENT_IMPORT_COLUMNS } from "@/lib/instruments/import";
import { can } from "@/lib/policy";
import { ClientMessages } from "@/components/i18n/client-messages";
import { InstrumentImportForm } from "@/components/instruments/import-form";
import { InstrumentsNav } from "@/components/instruments/instruments-nav";
import { importInstrumentsAction } from "../actions";

export default async function ImportInstrumentsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/instruments/import");
  if (!can(actor, "instrument.import")) notFound();
  const t = await getTranslations({ locale, namespace: "instruments.import" });
  return (
    <section>
      <InstrumentsNav locale={locale} actor={actor} current="/instruments/import" />
      <h1 className="mb-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-2 text-sm text-slate-600">{t("intro")}</p>
      <p className="mb-4 text-sm">
        <a href="/api/instruments-import-template" className="text-brand-700 underline" download>
          {t("template")}
        </a>{" "}
        <span className="text-xs text-slate-500">{t("columns", { columns: INSTRUMENT_IMPORT_COLUMNS.join(", ") })}</span>
      </p>
      <ClientMessages namespaces={["instruments"]}>
        <InstrumentImportForm action={importInstrumentsAction} />
      </ClientMessages>
    </section>
  );
}
