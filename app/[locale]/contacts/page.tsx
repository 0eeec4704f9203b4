import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listContacts, type ContactSummary } from "@/lib/contacts/contact-thread";

// The member's contact requests: received by their organisation (to answer) and sent by them.
export default async function ContactsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/contacts");
  const { received, sent } = await listContacts(actor);
  const t = await getTranslations({ locale, namespace: "contact" });
  const list = (items: ContactSummary[], testId: string) =>
    items.length === 0 ? (
      <p className="text-sm text-slate-600">{t("none")}</p>
    ) : (
      <ul className="space-y-2" data-testid={testId}>
        {items.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-white p-3 shadow-sm">
            <Link href={`/contacts/${c.id}`} className="font-medium text-brand-700 hover:underline">
              {c.target.title}
            </Link>
            <span className="text-sm text-slate-600">
              {c.counterpart ? `${c.counterpart} · ` : ""}
              {t(`status.${c.status}`)}
            </span>
          </li>
        ))}
      </ul>
    );
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {(
        [
          ["received", received],
          ["sent", sent],
        ] as const
      ).map(([key, items]) => (
        <section key={key} aria-labelledby={key}>
          <h2 id={key} className="mb-2 text-lg font-semibold">
            {t(key)}
          </h2>
          {list(items, `contacts-${key}`)}
        </section>
      ))}
    </div>
  );
}
