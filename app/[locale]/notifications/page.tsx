import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listMyNotifications } from "@/lib/notifications/list-notifications";

export default async function NotificationsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/notifications");
  const items = await listMyNotifications(actor);
  const t = await getTranslations({ locale, namespace: "notifications" });
  const format = await getFormatter({ locale });
  return (
    <section>
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      {items.length === 0 ? <p>{t("empty")}</p> : (
        <ul className="space-y-3" data-testid="notifications">
          {items.map((n) => (
            <li key={n.id} className={`rounded-lg p-4 shadow-sm ${n.read ? "bg-white" : "bg-brand-50"}`}>
              <p className="font-medium">{n.title}</p>
              <p className="mt-1 whitespace-pre-line text-sm">{n.body}</p>
              <p className="mt-1 text-xs text-slate-500">
                {format.dateTime(new Date(n.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                {n.link && <> · <Link href={n.link} className="text-brand-700 hover:underline">{t("open")}</Link></>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
