import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { getAccessThread } from "@/lib/access/access-thread";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { ActionForm } from "@/components/form/action-form";
import { MessageThread } from "@/components/access/message-thread";
import { postMessageAction } from "../../access-actions";

// The owner side of one request's thread.
export default async function RequestThreadPage({ params }: { params: Promise<{ locale: string; id: string; requestId: string }> }) {
  const { locale, id, requestId } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/needs/${id}/requests/${requestId}`);
  const thread = await getAccessThread(actor, requestId).catch((e: unknown) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
    throw e;
  });
  if (thread.needId !== id) notFound();
  const t = await getTranslations({ locale, namespace: "access" });
  const tf = await getTranslations({ locale, namespace: "form" });
  return (
    <section className="space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t("threadTitle")}</h1>
      <p>
        <Link href={`/needs/${id}/requests`} className="text-brand-700 hover:underline">
          {t("requestsTitle")}
        </Link>
      </p>
      <MessageThread thread={thread} locale={locale} />
      <ActionForm
        action={postMessageAction.bind(null, locale)}
        hidden={{ needId: id, requestId, back: "requests" }}
        submitLabel={t("send")}
        pendingLabel={tf("saving")}
        testId="message-form"
      >
        <label className="block">
          <span className="text-sm font-medium">{t("messageLabel")}</span>
          <textarea name="body" rows={3} className="mt-1 block w-full rounded border border-slate-300 px-3 py-2" />
        </label>
      </ActionForm>
    </section>
  );
}
