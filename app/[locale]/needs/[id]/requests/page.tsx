import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { WHEN_OPTIONS } from "@/components/time/when";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { listNeedAccessRequests } from "@/lib/access/list-access-requests";
import { APPROVE_REASONS, DECLINE_REASONS, REVOKE_REASONS } from "@/lib/access/reason-codes";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { getNeed } from "@/lib/needs/get-need";
import { ActionForm } from "@/components/form/action-form";
import { decideAccessAction, revokeAccessAction } from "../access-actions";

const select = "mt-1 block rounded border border-slate-300 px-2 py-1";

// The owner's (or acting broker's) list of access requests: approve or decline with a reason
// code and an access period, revoke, open each request's thread.
export default async function NeedRequestsPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/needs/${id}/requests`);
  const [need, requests] = await Promise.all([getNeed(actor, id), listNeedAccessRequests(actor, id)]).catch((e: unknown) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "access" });
  const tf = await getTranslations({ locale, namespace: "form" });
  const format = await getFormatter({ locale });
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), WHEN_OPTIONS.dateTime) : "—");
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("requestsTitle")}</h1>
      <p>
        <Link href={`/needs/${need.id}`} className="text-brand-700 hover:underline">
          {need.title}
        </Link>
      </p>
      {requests.length === 0 ? (
        <p>{t("noRequests")}</p>
      ) : (
        <ul className="space-y-4" data-testid="access-requests">
          {requests.map((r) => (
            <li key={r.id} className="rounded-lg bg-white p-4 shadow-sm" data-testid="access-request">
              <p className="font-medium">
                {r.requester.name ?? r.requester.email} · {r.requester.organisation ?? ""}
              </p>
              <p className="text-sm text-slate-600" data-testid="access-request-status">
                {t(`ownerStatus.${r.live ? "LIVE" : r.status === "APPROVED" ? "EXPIRED" : r.status}`, {
                  date: r.expiresAt ? format.dateTime(new Date(r.expiresAt), WHEN_OPTIONS.date) : "",
                })}
                {r.reasonCode ? ` · ${t(`reason.${r.reasonCode}`)}` : ""}
              </p>
              <p className="text-xs text-slate-500">
                {t("ndaAccepted", { version: r.nda.version, at: when(r.nda.acceptedAt), ip: r.nda.ip ?? "—" })} · SHA-256 {r.nda.textSha256.slice(0, 16)}…
              </p>
              <p className="mt-2">
                <Link href={`/needs/${need.id}/requests/${r.id}`} className="text-sm text-brand-700 hover:underline">
                  {t("openThread")}
                </Link>
              </p>
              {r.status === "PENDING" && (
                <div className="mt-3 grid gap-4 sm:grid-cols-2">
                  <ActionForm
                    action={decideAccessAction.bind(null, locale)}
                    hidden={{ needId: need.id, requestId: r.id }}
                    submitLabel={t("approve")}
                    pendingLabel={tf("saving")}
                    testId="approve-form"
                  >
                    <input type="hidden" name="decision" value="APPROVE" />
                    <label className="block text-sm">
                      {t("reasonLabel")}
                      <select name="reasonCode" className={select} defaultValue={APPROVE_REASONS[0]}>
                        {APPROVE_REASONS.map((c) => (
                          <option key={c} value={c}>
                            {t(`reason.${c}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className="block text-sm">
                      {t("accessDays")}
                      <input name="days" type="number" min={1} max={730} defaultValue={need.settings?.accessDays ?? 90} className={select} />
                    </label>
                  </ActionForm>
                  <ActionForm
                    action={decideAccessAction.bind(null, locale)}
                    hidden={{ needId: need.id, requestId: r.id }}
                    submitLabel={t("decline")}
                    pendingLabel={tf("saving")}
                    testId="decline-form"
                    danger
                  >
                    <input type="hidden" name="decision" value="DECLINE" />
                    <label className="block text-sm">
                      {t("reasonLabel")}
                      <select name="reasonCode" className={select} defaultValue={DECLINE_REASONS[0]}>
                        {DECLINE_REASONS.map((c) => (
                          <option key={c} value={c}>
                            {t(`reason.${c}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                  </ActionForm>
                </div>
              )}
              {r.live && (
                <div className="mt-3">
                  <ActionForm
                    action={revokeAccessAction.bind(null, locale)}
                    hidden={{ needId: need.id, requestId: r.id }}
                    submitLabel={t("revoke")}
                    pendingLabel={tf("saving")}
                    testId="revoke-form"
                    danger
                  >
                    <label className="block text-sm">
                      {t("reasonLabel")}
                      <select name="reasonCode" className={select} defaultValue={REVOKE_REASONS[0]}>
                        {REVOKE_REASONS.map((c) => (
                          <option key={c} value={c}>
                            {t(`reason.${c}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                  </ActionForm>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
