import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { can } from "@/lib/policy";
import { readOutbox } from "@/lib/mail/read-outbox";

export default async function OutboxPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/admin/outbox");
  if (!can(actor, "admin.outbox")) notFound();
  const t = await getTranslations({ locale, namespace: "outbox" });
  const messages = await readOutbox(actor);
  return (
    <section>
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      {messages === null ? (
        <p>{t("notConfigured")}</p>
      ) : messages.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} className="rounded-lg bg-white p-4 shadow-sm">
              <p className="text-sm text-slate-500">
                {t("to")}: {m.to.join(", ")} · {m.date}
              </p>
              <p className="font-medium">{m.subject}</p>
              <pre className="mt-2 whitespace-pre-wrap text-sm">{m.text}</pre>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
