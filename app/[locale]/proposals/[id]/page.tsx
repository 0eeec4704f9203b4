import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { StateForm } from "@/components/form/state-form";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getNeedEditProposal } from "@/lib/broker/triage";
import { isAppError } from "@/lib/errors";
import { decideProposalAction } from "./actions";

// The owner reviews a broker's suggested edit, field by field, and approves or rejects it.
export default async function ProposalPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id: proposalId } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/proposals/${proposalId}`);
  const proposal = await getNeedEditProposal(actor, proposalId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const id = proposal.needId;
  const t = await getTranslations({ locale, namespace: "notifications" });
  const tb = await getTranslations({ locale, namespace: "broker" });
  const tn = await getTranslations({ locale, namespace: "need" });
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">
        {t("proposalTitle")}:{" "}
        <Link href={`/needs/${id}`} className="text-brand-700 hover:underline">
          {proposal.needTitle}
        </Link>
      </h1>
      <p data-testid="proposal-status">{tb(`proposalStatus.${proposal.status}`)}</p>
      {proposal.note && <p className="rounded bg-slate-100 p-3">{proposal.note}</p>}
      <table className="w-full bg-white text-sm shadow-sm">
        <thead>
          <tr className="border-b text-left">
            <th className="p-2">{t("field")}</th>
            <th className="p-2">{t("before")}</th>
            <th className="p-2">{t("after")}</th>
          </tr>
        </thead>
        <tbody>
          {proposal.changes.map((c) => (
            <tr key={c.field} className="border-b align-top">
              <td className="p-2">{tn.has(c.field) ? tn(c.field) : c.field}</td>
              <td className="whitespace-pre-line p-2">{c.before}</td>
              <td className="whitespace-pre-line p-2">{c.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {proposal.status === "PENDING" && actor.organisationId && actor.role === "COMPANY" && (
        <StateForm action={decideProposalAction.bind(null, locale)} className="flex gap-2">
          <input type="hidden" name="proposalId" value={proposalId} />
          <button type="submit" name="decision" value="approve" className="rounded bg-brand-600 px-3 py-1.5 text-white">
            {t("approve")}
          </button>
          <button type="submit" name="decision" value="reject" className="rounded border border-slate-300 px-3 py-1.5">
            {t("reject")}
          </button>
        </StateForm>
      )}
    </section>
  );
}
