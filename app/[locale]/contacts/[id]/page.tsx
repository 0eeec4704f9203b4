import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getContact } from "@/lib/contacts/contact-thread";
import { isAppError } from "@/lib/errors";
import { ClientMessages } from "@/components/i18n/client-messages";
import { DecideContactForm } from "@/components/contacts/decide-contact-form";
import { ContactMessageForm } from "@/components/contacts/contact-message-form";

// One contact request: the first message, the owner's decision (or the form to make it) and,
// once accepted, the thread with a reply box. Parties only (404 for anyone else).
export default async function ContactPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/contacts/${id}`);
  const c = await getContact(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "contact" });
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" });
  const other = c.viewerSide === "owner" ? `${c.sender.name}${c.sender.organisation ? ` · ${c.sender.organisation}` : ""}` : (c.ownerName ?? t("maskedOwner"));
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">{t(c.kind === "NEED_OFFER" ? "kindOffer" : "kindInterest")}</p>
        <h1 className="text-2xl font-semibold">
          <Link href={`/${c.target.type === "need" ? "needs" : "results"}/${c.target.id}`} className="text-brand-700 hover:underline">
            {c.target.title}
          </Link>
        </h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="contact-counterpart">
          {t(c.viewerSide === "owner" ? "from" : "to", { name: other })}
        </p>
        <p className="mt-2 inline-block rounded bg-slate-100 px-2 py-0.5 text-sm" data-testid="contact-status">
          {t(`status.${c.status}`)}
          {c.status === "DECLINED" && c.declineReason ? ` · ${t(`reasons.${c.declineReason as "OTHER"}`)}` : ""}
        </p>
      </header>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <p className="text-xs text-slate-500">{when(c.createdAt)}</p>
        <p className="mt-1 whitespace-pre-line" data-testid="contact-message">
          {c.message}
        </p>
      </section>
      {c.status === "PENDING" && (
        <p className="text-sm text-slate-700">{t(c.viewerSide === "owner" ? "answerBy" : "waitingUntil", { date: when(c.respondBy) })}</p>
      )}
      {c.canDecide && (
        <ClientMessages namespaces={["contact"]}>
          <DecideContactForm locale={locale} contactId={c.id} />
        </ClientMessages>
      )}
      {c.status === "ACCEPTED" && (
        <section aria-labelledby="thread" className="space-y-3">
          <h2 id="thread" className="text-lg font-semibold">
            {t("thread")}
          </h2>
          <ul className="space-y-2" data-testid="contact-thread">
            {c.messages.map((m) => (
              <li key={m.id} className={`rounded-lg p-3 ${m.mine ? "ml-8 bg-brand-50" : "mr-8 bg-white shadow-sm"}`}>
                <p className="text-xs text-slate-500">
                  {m.mine ? t("you") : (m.senderLabel ?? t("maskedOwner"))} · {when(m.createdAt)}
                </p>
                <p className="mt-1 whitespace-pre-line">{m.body}</p>
              </li>
            ))}
          </ul>
          {c.canMessage && (
            <ClientMessages namespaces={["contact"]}>
              <ContactMessageForm locale={locale} contactId={c.id} />
            </ClientMessages>
          )}
        </section>
      )}
    </div>
  );
}
