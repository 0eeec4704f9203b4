import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { WHEN_OPTIONS } from "@/components/time/when";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { getAccessThread } from "@/lib/access/access-thread";
import { getCurrentNda } from "@/lib/access/get-nda";
import { getAccessState } from "@/lib/access/list-access-requests";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { getNeed } from "@/lib/needs/get-need";
import { ActionForm } from "@/components/form/action-form";
import { MessageThread } from "@/components/access/message-thread";
import { postMessageAction, requestAccessAction } from "../access-actions";

// A researcher's side of access to a confidential need: read and accept the NDA to ask, see the
// request's status, and (while the grant is live) talk to the anonymous company.
export default async function NeedAccessPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/needs/${id}/access`);
  const loaded = await Promise.all([getNeed(actor, id), getAccessState(actor, id)]).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [need, { canRequest, own }] = loaded;
  if (!canRequest) notFound();
  const t = await getTranslations({ locale, namespace: "access" });
  const format = await getFormatter({ locale });
  const tf = await getTranslations({ locale, namespace: "form" });
  const mayAsk = !own || own.status === "DECLINED" || own.status === "REVOKED" || (own.status === "APPROVED" && !own.live);
  const nda = mayAsk ? await getCurrentNda(actor, id) : null;
  const thread = own?.live ? await getAccessThread(actor, own.id) : null;
  return (
    <section className="space-y-6 rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t("accessTitle")}</h1>
      <p>
        <Link href={`/needs/${need.id}`} className="text-brand-700 hover:underline">
          {need.title}
        </Link>
      </p>
      {own && (
        <p role="status" data-testid="access-status" className="rounded bg-slate-50 p-3">
          {t(`status.${own.live ? "LIVE" : own.status === "APPROVED" ? "EXPIRED" : own.status}`, {
            date: own.expiresAt ? format.dateTime(new Date(own.expiresAt), WHEN_OPTIONS.date) : "",
          })}
          {own.reasonCode && own.status !== "APPROVED" ? ` (${t(`reason.${own.reasonCode}`)})` : ""}
        </p>
      )}
      {nda && (
        <div className="space-y-3">
          <h2 className="text-lg font-semibold">{t("ndaHeading", { version: nda.version })}</h2>
          <pre className="max-h-80 overflow-auto whitespace-pre-wrap rounded border border-slate-200 bg-slate-50 p-4 text-sm" data-testid="nda-text">
            {nda.text}
          </pre>
          <p className="text-xs text-slate-500">
            SHA-256: <code>{nda.textSha256}</code>
          </p>
          <ActionForm
            action={requestAccessAction.bind(null, locale)}
            hidden={{ needId: need.id }}
            submitLabel={t("submitRequest")}
            pendingLabel={tf("saving")}
            testId="request-access-form"
          >
            <input type="hidden" name="ndaVersion" value={nda.version} />
            <label className="flex items-start gap-2">
              <input type="checkbox" name="acceptNda" className="mt-1" /> <span>{t("acceptNda")}</span>
            </label>
            <label className="block">
              <span className="text-sm font-medium">{t("requestMessage")}</span>
              <textarea name="message" rows={3} className="mt-1 block w-full rounded border border-slate-300 px-3 py-2" />
            </label>
          </ActionForm>
        </div>
      )}
      {thread && own && (
        <div className="space-y-3">
          <h2 className="text-lg font-semibold">{t("threadTitle")}</h2>
          <MessageThread thread={thread} locale={locale} />
          <ActionForm
            action={postMessageAction.bind(null, locale)}
            hidden={{ needId: need.id, requestId: own.id, back: "access" }}
            submitLabel={t("send")}
            pendingLabel={tf("saving")}
            testId="message-form"
          >
            <label className="block">
              <span className="text-sm font-medium">{t("messageLabel")}</span>
              <textarea name="body" rows={3} className="mt-1 block w-full rounded border border-slate-300 px-3 py-2" />
            </label>
          </ActionForm>
        </div>
      )}
    </section>
  );
}
