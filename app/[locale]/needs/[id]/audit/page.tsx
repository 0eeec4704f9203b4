import { getTranslations, setRequestLocale } from "next-intl/server";
import { When } from "@/components/time/when";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { listNeedAudit } from "@/lib/access/list-need-audit";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { getNeed } from "@/lib/needs/get-need";

// "Who saw what and when": the need's audit trail for its owner (or the acting broker).
export default async function NeedAuditPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/needs/${id}/audit`);
  const [need, entries] = await Promise.all([getNeed(actor, id), listNeedAudit(actor, id)]).catch((e: unknown) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "access" });
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("auditTitle")}</h1>
      <p>
        <Link href={`/needs/${need.id}`} className="text-brand-700 hover:underline">
          {need.title}
        </Link>
      </p>
      {entries.length === 0 ? (
        <p>{t("noAudit")}</p>
      ) : (
        <table className="w-full bg-white text-left text-sm shadow-sm" data-testid="audit-table">
          <thead>
            <tr className="border-b">
              <th className="p-2">{t("auditAt")}</th>
              <th className="p-2">{t("auditWho")}</th>
              <th className="p-2">{t("auditWhat")}</th>
              <th className="p-2">IP</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-b last:border-0">
                <td className="p-2 whitespace-nowrap">
                  <When at={e.at} />
                </td>
                <td className="p-2">{e.actor ? `${e.actor.name ?? e.actor.email}${e.actor.organisation ? ` (${e.actor.organisation})` : ""}` : "—"}</td>
                <td className="p-2">
                  {t(`auditAction.${e.action.replace(".", "_")}`)}
                  {typeof e.detail?.reasonCode === "string" ? ` · ${t(`reason.${e.detail.reasonCode}`)}` : ""}
                  {typeof e.detail?.to === "string" ? ` → ${e.detail.to}` : ""}
                </td>
                <td className="p-2">{e.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
