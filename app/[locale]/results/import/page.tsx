import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { can } from "@/lib/policy";
import { IMPORT_COLUMNS, REQUIRED_COLUMNS } from "@/lib/results/import/columns";
import { ImportForm } from "@/components/import/import-form";
import { importResultsAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function ImportResultsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/results/import");
  if (!can(actor, "result.import")) notFound();
  const t = await getTranslations({ locale, namespace: "import" });
  return (
    <section className="rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-2 text-slate-600">{t("intro")}</p>
      <p className="mb-4 flex gap-4 text-sm">
        <a href="/api/results-import-template" className="text-brand-700 underline" download>
          {t("template")}
        </a>
        <a href="/api/results-import-template?format=xlsx" className="text-brand-700 underline" download>
          {t("templateXlsx")}
        </a>
      </p>
      <details className="mb-6 text-sm text-slate-600">
        <summary>{t("columns")}</summary>
        <p className="mt-2 font-mono">{IMPORT_COLUMNS.map((c) => (REQUIRED_COLUMNS.includes(c) ? `${c}*` : c)).join(", ")}</p>
        <p className="mt-1">{t("columnsHint")}</p>
      </details>
      <ClientMessages namespaces={["import"]}>
        <ImportForm action={importResultsAction.bind(null, locale)} kind="results" reportName="results-import-report.csv" />
      </ClientMessages>
    </section>
  );
}
