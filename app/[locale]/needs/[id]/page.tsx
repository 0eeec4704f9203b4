import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { getNeed } from "@/lib/needs/get-need";
import { NeedDetail } from "@/components/needs/need-detail";
import { NeedMatches } from "@/components/matching/need-matches";
import { listNeedAttachments } from "@/lib/attachments/attachments";
import { availableActions } from "@/lib/needs/lifecycle";
import { can } from "@/lib/policy";
import { OwnerActions } from "./owner-actions";

export default async function NeedPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/needs/${id}`);
  const need = await getNeed(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "need" });
  const ownerCanAct = need.isOwner && can(actor, "need.transition", { organisationId: actor.organisationId!, visibility: need.visibility, status: need.status });
  // Attachments only with full access (they are part of the need's content).
  const attachments = need.access === "full" ? await listNeedAttachments(need.id) : [];
  return (
    <div className="space-y-8">
      {ownerCanAct && <OwnerActions locale={locale} needId={need.id} actions={availableActions(need.status).filter((a) => a !== "publish" && a !== "submit")} reconfirmBy={need.reconfirmBy} />}
      <NeedDetail need={need} locale={locale} attachments={attachments} />
      {need.access === "full" && (
        <section aria-labelledby="matches-heading">
          <h2 id="matches-heading" className="mb-3 text-xl font-semibold">{t("matches")}</h2>
          <NeedMatches actor={actor} needId={need.id} locale={locale} />
        </section>
      )}
    </div>
  );
}
