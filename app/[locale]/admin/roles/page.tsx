import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { can } from "@/lib/policy";
import { STAFF_ROLES } from "@/lib/staff/roles";
import { listStaffGrants } from "@/lib/staff/staff-grants";
import { GrantRoleForm, RevokeRoleForm } from "./role-forms";

const stateStyle = { live: "bg-green-100 text-green-800", lapsed: "bg-amber-100 text-amber-800", revoked: "bg-slate-200 text-slate-700" } as const;

export default async function StaffRolesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/admin/roles");
  if (!can(actor, "staff.list")) notFound();
  const t = await getTranslations({ locale, namespace: "staff" });
  const grants = await listStaffGrants(actor);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <div className="space-y-6">
      <section className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
        <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
        <h2 className="mb-3 text-lg font-semibold">{t("grantTitle")}</h2>
        <ClientMessages namespaces={["staff"]}>
          <GrantRoleForm locale={locale} roles={[...STAFF_ROLES]} />
        </ClientMessages>
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 className="mb-3 text-lg font-semibold">{t("listTitle")}</h2>
        {grants.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" data-testid="staff-grants">
            {grants.map((g) => (
              <li key={g.id} className="py-3 text-sm" data-testid="staff-grant">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium break-all">
                    {g.user.name ? `${g.user.name} · ` : ""}
                    {g.user.email}
                  </span>
                  <span className="rounded bg-brand-50 px-2 py-0.5 text-brand-700">{t(`role${g.role}`)}</span>
                  <span className={`rounded px-2 py-0.5 ${stateStyle[g.state]}`}>{t(`state_${g.state}`)}</span>
                </div>
                <p className="mt-1 text-slate-600">
                  {t("grantedLine", { at: dateTime.format(g.createdAt), by: g.grantedBy ?? t("operator") })} — {g.reason}
                </p>
                {g.certificateNo && (
                  <p className="text-slate-600">
                    {t("certificateLine", { no: g.certificateNo, issuer: g.certificateIssuer ?? "—", until: g.validUntil ? date.format(g.validUntil) : "—" })}
                  </p>
                )}
                {g.revokedAt && (
                  <p className="text-slate-600">
                    {t("revokedLine", { at: dateTime.format(g.revokedAt), by: g.revokedBy ?? t("operator") })} — {g.revokeReason}
                  </p>
                )}
                {!g.revokedAt && (
                  <div className="mt-2">
                    <ClientMessages namespaces={["staff"]}>
                      <RevokeRoleForm locale={locale} email={g.user.email} />
                    </ClientMessages>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
