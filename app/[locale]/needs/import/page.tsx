import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ImportForm } from "@/components/import/import-form";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { needImportColumns, NEED_REQUIRED_COLUMNS, COMPANY_COLUMN } from "@/lib/needs/import/columns";
import { can } from "@/lib/policy";
import { importNeedsAction } from "./actions";

// Bulk import of needs (issue 14): companies import their own, brokers the needs collected on
// visits (a company column). Every row becomes a draft its company reviews and publishes.
export default async function ImportNeedsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/needs/import");
  if (!can(actor, "need.import")) notFound();
  const importer = actor.role === "BROKER" ? "broker" : "company";
  const required: readonly string[] = importer === "broker" ? [COMPANY_COLUMN, ...NEED_REQUIRED_COLUMNS] : NEED_REQUIRED_COLUMNS;
  const t = await getTranslations({ locale, namespace: "import" });
  const template = `/api/needs-import-template?for=${importer}`;
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <h1 className="mb-2 text-2xl font-semibold">{t("needsTitle")}</h1>
      <p className="mb-2 text-slate-600">{t(importer === "broker" ? "needsIntroBroker" : "needsIntro")}</p>
      <p className="mb-4 flex flex-wrap gap-4 text-sm">
        <a href={template} className="text-brand-700 underline" download>
          {t("template")}
        </a>
        <a href={`${template}&format=xlsx`} className="text-brand-700 underline" download>
          {t("templateXlsx")}
        </a>
        <Link href="/needs" className="text-brand-700 underline">
          {t("needsList")}
        </Link>
      </p>
      <details className="mb-6 text-sm text-slate-600">
        <summary>{t("columns")}</summary>
        <p className="mt-2 break-words font-mono">
          {needImportColumns(importer)
            .map((c) => (required.includes(c) ? `${c}*` : c))
            .join(", ")}
        </p>
        <p className="mt-1">{t("needsColumnsHint")}</p>
      </details>
      <ClientMessages namespaces={["import"]}>
        <ImportForm action={importNeedsAction.bind(null, locale)} kind="needs" reportName="needs-import-report.csv" />
      </ClientMessages>
    </section>
  );
}
