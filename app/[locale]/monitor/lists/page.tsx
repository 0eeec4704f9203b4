import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { ActionForm } from "@/components/form/action-form";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listKeyLists } from "@/lib/monitor/key-project-list";
import { can } from "@/lib/policy";
import { createKeyListAction } from "../actions";

// 重点项目清单: the viewer's own key project lists, and a form for a new one.
export default async function KeyListsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/monitor/lists");
  if (!can(actor, "monitor.keyList")) notFound();
  const lists = await listKeyLists(actor);
  const t = await getTranslations({ locale, namespace: "monitor" });
  const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1.5";
  return (
    <div className="space-y-6">
      <section className="rounded-lg bg-white p-6 shadow-sm">
        <Link href="/monitor" className="text-sm text-brand-700 hover:underline">
          ← {t("backToMap")}
        </Link>
        <h1 className="mt-2 mb-2 text-2xl font-semibold">{t("lists")}</h1>
        <p className="text-slate-600">{t("listsIntro")}</p>
        {lists.length > 0 && (
          <ul className="mt-4 divide-y" data-testid="key-lists">
            {lists.map((l) => (
              <li key={l.id} className="flex items-center justify-between py-2">
                <Link href={`/monitor/lists/${l.id}`} className="text-brand-700 hover:underline">
                  {l.title}
                </Link>
                <span className="text-xs text-slate-500">{t("items", { n: l._count.items })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="rounded-lg bg-white p-6 shadow-sm">
        <h2 className="mb-3 text-lg font-semibold">{t("newList")}</h2>
        <ActionForm action={createKeyListAction.bind(null, locale)} submitLabel={t("create")} pendingLabel={t("creating")} testId="new-key-list">
          <label className="block text-sm">
            {t("listTitle")}
            <input name="title" required maxLength={120} className={input} />
          </label>
          <label className="block text-sm">
            {t("listNote")}
            <textarea name="note" rows={2} maxLength={2000} className={input} />
          </label>
        </ActionForm>
      </section>
    </div>
  );
}
