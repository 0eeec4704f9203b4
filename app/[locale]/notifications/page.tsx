import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { StateForm } from "@/components/form/state-form";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { toLocale } from "@/i18n/locale";
import { listNotifications } from "@/lib/notifications/read-notifications";
import { wordNotifications } from "@/lib/notifications/word-notification";
import { markAllReadAction, markReadAction } from "./actions";

export default async function NotificationsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/notifications");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const list = await listNotifications(actor, page);
  const { unread, total, pageSize } = list;
  // Worded now, in the reader's language (rows keep a message key and its params).
  const items = await wordNotifications(toLocale(locale), list.items);
  const t = await getTranslations({ locale, namespace: "alerts" });
  const format = await getFormatter({ locale });
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <span className="text-sm text-slate-600" data-testid="unread-count">
          {t("unread", { count: unread })}
        </span>
        <span className="flex gap-3 text-sm">
          {unread > 0 && (
            <StateForm action={markAllReadAction.bind(null, locale)}>
              <button type="submit" className="text-brand-700 hover:underline">
                {t("markAllRead")}
              </button>
            </StateForm>
          )}
          <Link href="/notifications/settings" className="text-brand-700 hover:underline">
            {t("settingsLink")}
          </Link>
        </span>
      </div>
      {items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ol className="space-y-3" data-testid="notifications">
          {items.map((n) => (
            <li key={n.id} className={`rounded-lg p-4 shadow-sm ${n.read ? "bg-white" : "border-l-4 border-brand-600 bg-brand-50"}`} data-read={n.read}>
              <div className="flex items-baseline justify-between gap-4">
                {/* A plain link: opening marks the notification read (a route handler, never prefetched). */}
                <a href={`/${locale}/notifications/${n.id}/open`} className="font-medium text-brand-700 hover:underline">
                  {n.title}
                </a>
                <time className="shrink-0 text-xs text-slate-500" dateTime={n.createdAt}>
                  {format.dateTime(new Date(n.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </div>
              <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{n.body}</p>
              {!n.read && (
                <StateForm action={markReadAction.bind(null, locale)} className="mt-2">
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="text-xs text-brand-700 hover:underline">
                    {t("markRead")}
                  </button>
                </StateForm>
              )}
            </li>
          ))}
        </ol>
      )}
      {total > page * pageSize && (
        <Link href={`/notifications?page=${page + 1}`} className="text-sm text-brand-700 hover:underline">
          → {page + 1}
        </Link>
      )}
    </section>
  );
}
