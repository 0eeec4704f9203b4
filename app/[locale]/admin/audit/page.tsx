import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { can } from "@/lib/policy";

// Admins download the audit log as CSV (the download itself is audited).
export default async function AdminAuditPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/admin/audit");
  if (!can(actor, "audit.export")) notFound();
  const t = await getTranslations({ locale, namespace: "access" });
  return (
    <section className="space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t("adminAuditTitle")}</h1>
      <form method="get" action={`/${locale}/admin/audit/export`} className="flex flex-wrap items-end gap-4">
        <label className="text-sm">
          {t("from")}
          <input type="date" name="from" className="mt-1 block rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="text-sm">
          {t("to")}
          <input type="date" name="to" className="mt-1 block rounded border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
          {t("exportCsv")}
        </button>
      </form>
    </section>
  );
}
