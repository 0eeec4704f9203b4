import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { getAccessState } from "@/lib/access/list-access-requests";
import { catalogViewer } from "@/lib/auth/require-actor";
import { getNeed } from "@/lib/needs/get-need";
import { toLocale } from "@/i18n/locale";
import { publicPageMetadata } from "@/lib/seo/public-metadata";
import { ContactBox } from "@/components/contacts/contact-box";
import { isAppError } from "@/lib/errors";
import { requestIp } from "@/lib/http/request-ip";
import { viewNeed } from "@/lib/needs/view-need";
import { NeedDetail } from "@/components/needs/need-detail";
import { NeedMatches } from "@/components/matching/need-matches";
import { InstrumentsForNeed } from "@/components/instruments/instruments-for-need";
import { listNeedAttachments } from "@/lib/attachments/attachments";
import { availableActions, reconfirmDueSoon } from "@/lib/needs/lifecycle";
import { can } from "@/lib/policy";
import { OwnerActions } from "./owner-actions";
import { NeedResearchers } from "@/components/matching/need-researchers";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getBrokerHelp } from "@/lib/needs/broker-help";
import { BrokerHelpPanel } from "./broker-help-panel";
import { listClarifications } from "@/lib/needs/clarifications";
import { ClarificationsPanel } from "./clarifications-panel";

// Title, description, canonical URL, hreflang and Open Graph from what an ANONYMOUS visitor may
// see of the need (its teaser if confidential), whoever asks: a signed-in viewer's access never
// reaches the page's metadata. A need that is not public gets a bare title and noindex.
export async function generateMetadata({ params }: { params: Promise<{ locale: string; id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const locale = toLocale((await params).locale);
  const tApp = await getTranslations({ locale, namespace: "app" });
  const pub = await getNeed(null, id).catch(() => null);
  if (!pub) return { robots: { index: false, follow: false } };
  const t = await getTranslations({ locale, namespace: "need" });
  const text = (pub.access === "full" ? pub.description : pub.teaser) ?? `${pub.field} · ${t("metaNeed")}`;
  return publicPageMetadata({ locale, path: `/needs/${id}`, title: pub.title, description: text, siteName: tApp("name"), type: "article" });
}

export default async function NeedPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  // Public: an anonymous visitor sees what the policy gives them (teaser, no owner, ...).
  const actor = await catalogViewer();
  const contactOpen = (await searchParams).contact === "1";
  // The one audited read of this page: a confidential need's full text writes one audit row.
  const need = await viewNeed(actor, id, { ip: await requestIp(), via: "page" }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "need" });
  const ownerCanAct =
    need.isOwner && can(actor, "need.transition", { organisationId: actor?.organisationId ?? "", visibility: need.visibility, status: need.status });
  // "I can help": the policy decides on the facts the page already shows (the service re-checks).
  const mayOffer = can(actor, "contact.offer", {
    organisationId: need.isOwner ? (actor?.organisationId ?? "") : "",
    visibility: need.visibility,
    status: need.status,
  });
  const ta = await getTranslations({ locale, namespace: "access" });
  // Independent reads, side by side.
  const [attachments, { canRequest, own }, brokerHelp, clarifications] = await Promise.all([
    // Attachments only with full access (they are part of the need's content), to members (the
    // download route asks for a session).
    actor && need.access === "full" ? listNeedAttachments(need.id) : [],
    getAccessState(actor, need.id),
    actor && need.isOwner ? getBrokerHelp(actor, need.id) : null,
    // A broker's questions, with a reply box for the owner (issue 14).
    actor && need.isOwner ? listClarifications(actor, need.id) : null,
  ]);
  const link = "rounded border border-brand-600 px-3 py-1 text-sm text-brand-700 hover:bg-brand-50";
  return (
    <div className="space-y-8">
      {ownerCanAct && (
        <ClientMessages namespaces={["needActions"]}>
          <OwnerActions
            locale={locale}
            needId={need.id}
            actions={availableActions(need.status).filter((a) => a !== "publish" && a !== "submit")}
            reconfirmBy={need.reconfirmBy}
            dueSoon={reconfirmDueSoon(need.status, need.reconfirmBy)}
          />
        </ClientMessages>
      )}
      <NeedDetail need={need} locale={locale} attachments={attachments} />
      {clarifications && clarifications.items.length > 0 && (
        <ClarificationsPanel locale={locale} needId={need.id} items={clarifications.items} canAnswer={clarifications.canAnswer} />
      )}
      {brokerHelp && <BrokerHelpPanel locale={locale} needId={need.id} state={brokerHelp} />}
      <nav className="flex flex-wrap gap-3" aria-label={ta("actions")}>
        {need.isOwner && actor?.role === "COMPANY" && (
          <Link href={`/needs/${need.id}/edit`} className={link}>
            {ta("editNeed")}
          </Link>
        )}
        {need.settings && (
          <Link href={`/needs/${need.id}/requests`} className={link}>
            {ta("requestsTitle")}
          </Link>
        )}
        {need.settings && (
          <Link href={`/needs/${need.id}/audit`} className={link}>
            {ta("auditTitle")}
          </Link>
        )}
        {canRequest && (
          <Link href={`/needs/${need.id}/access`} className={link} data-testid="access-link">
            {own?.live ? ta("openThread") : own?.status === "PENDING" ? ta("pendingShort") : ta("requestAccess")}
          </Link>
        )}
      </nav>
      {!need.isOwner && <ContactBox actor={actor} locale={locale} target="need" targetId={need.id} allowed={mayOffer} open={contactOpen} />}
      {actor && need.access === "full" && (
        <section aria-labelledby="matches-heading">
          <h2 id="matches-heading" className="mb-3 text-xl font-semibold">
            {t("matches")}
          </h2>
          <NeedMatches actor={actor} needId={need.id} locale={locale} />
        </section>
      )}
      {actor && need.access === "full" && (
        <section aria-labelledby="researchers-heading">
          <h2 id="researchers-heading" className="mb-3 text-xl font-semibold">
            {t("researchers")}
          </h2>
          <NeedResearchers actor={actor} needId={need.id} locale={locale} />
        </section>
      )}
      {actor && <InstrumentsForNeed actor={actor} needId={need.id} locale={locale} />}
    </div>
  );
}
