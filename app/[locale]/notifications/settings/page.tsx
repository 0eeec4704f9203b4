import { getTranslations, setRequestLocale } from "next-intl/server";
import { StateForm } from "@/components/form/state-form";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getEmailDigest } from "@/lib/notifications/email-settings";
import { listSavedSearches } from "@/lib/saved-searches/saved-searches";
import { deleteSavedSearchAction } from "../actions";
import { DigestForm } from "./digest-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function NotificationSettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/notifications/settings");
  const [digest, searches] = await Promise.all([getEmailDigest(actor), listSavedSearches(actor)]);
  const t = await getTranslations({ locale, namespace: "alerts" });
  return (
    <div className="space-y-6">
      <section className="rounded-lg bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-2xl font-semibold">{t("settingsTitle")}</h1>
        <ClientMessages namespaces={["alerts"]}>
          <DigestForm locale={locale} current={digest} />
        </ClientMessages>
      </section>
      <section className="rounded-lg bg-white p-6 shadow-sm">
        <h2 className="mb-1 text-lg font-semibold">{t("savedSearches")}</h2>
        <p className="mb-4 text-sm text-slate-600">{t("savedSearchesHint")}</p>
        {searches.length === 0 ? (
          <p className="text-sm">{t("noSavedSearches")}</p>
        ) : (
          <ul className="divide-y" data-testid="saved-searches">
            {searches.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-4 py-2">
                <Link href={`/search?type=${s.type}&q=${encodeURIComponent(s.q)}`} className="text-brand-700 hover:underline">
                  {s.name}{" "}
                  <span className="text-xs text-slate-500">
                    ({t(`type${s.type}`)}: {s.q})
                  </span>
                </Link>
                <StateForm action={deleteSavedSearchAction.bind(null, locale)}>
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" className="text-sm text-red-700 hover:underline">
                    {t("delete")}
                  </button>
                </StateForm>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
