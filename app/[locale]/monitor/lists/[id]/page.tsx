import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { KeyItemForms } from "@/components/monitor/key-item-forms";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { canDraftChallenges } from "@/lib/monitor/challenge-draft";
import { getKeyList } from "@/lib/monitor/key-project-list";
import { can } from "@/lib/policy";
import { annotateKeyItemAction, draftChallengeAction, removeKeyItemAction } from "../../actions";

// One key project list (its owner only): items with their annotation, the needs behind them (as
// the owner may see them now), exports (XLSX, PDF) and the challenge-draft step.
export default async function KeyListPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/monitor/lists/${id}`);
  if (!can(actor, "monitor.keyList")) notFound();
  const list = await getKeyList(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "monitor" });
  const draftAvailable = await canDraftChallenges(actor);
  const en = locale === "en";
  return (
    <div className="space-y-6">
      <section className="rounded-lg bg-white p-6 shadow-sm">
        <Link href="/monitor/lists" className="text-sm text-brand-700 hover:underline">
          ← {t("lists")}
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold" data-testid="key-list-title">
              {list.title}
            </h1>
            {list.note && <p className="mt-1 text-slate-600">{list.note}</p>}
          </div>
          <div className="flex gap-2">
            <a
              href={`/${locale}/monitor/lists/${list.id}/export?format=xlsx`}
              className="rounded border border-brand-600 px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50"
              data-testid="export-xlsx"
            >
              {t("exportXlsx")}
            </a>
            <a
              href={`/${locale}/monitor/lists/${list.id}/export?format=pdf`}
              className="rounded border border-brand-600 px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50"
              data-testid="export-pdf"
            >
              {t("exportPdf")}
            </a>
          </div>
        </div>
      </section>
      {list.items.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-500 shadow-sm">{t("emptyList")}</p>
      ) : (
        <ClientMessages namespaces={["monitor"]}>
          <ol className="space-y-4" data-testid="key-items">
            {list.items.map((i, n) => (
              <li key={i.id} className="rounded-lg bg-white p-6 shadow-sm" data-testid={`key-item-${i.node.id}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="text-lg font-semibold">
                    {n + 1}.{" "}
                    <Link href={`/monitor/nodes/${i.node.id}`} className="hover:underline">
                      {en ? `${i.node.chainNameEn} · ${i.node.nameEn}` : `${i.node.chainNameZh} · ${i.node.nameZh}`}
                    </Link>
                  </h2>
                  <span className="text-sm text-slate-600">
                    {t("scoreAtAdd")} {i.scoreAtAdd} · {t("scoreNowShort")} {i.scoreNow}
                  </span>
                </div>
                {i.needs.length > 0 && (
                  <div className="mt-2">
                    <div className="text-xs text-slate-500">{t("needs")}</div>
                    <ul className="list-disc pl-5 text-sm">
                      {i.needs.map((need) => (
                        <li key={need.id}>
                          <Link href={`/needs/${need.id}`} className="text-brand-700 hover:underline">
                            {need.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                <div className="mt-3">
                  <KeyItemForms
                    itemId={i.id}
                    annotation={i.annotation}
                    annotate={annotateKeyItemAction.bind(null, locale)}
                    remove={removeKeyItemAction.bind(null, locale)}
                    draft={draftChallengeAction.bind(null, locale)}
                    draftAvailable={draftAvailable}
                    challengeDraftId={i.challengeDraftId}
                  />
                </div>
              </li>
            ))}
          </ol>
        </ClientMessages>
      )}
    </div>
  );
}
