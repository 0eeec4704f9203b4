import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Badge, formatCny, formatDate, Panel } from "@/components/challenges/ui";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { Link } from "@/i18n/navigation";
import { ChallengeFiles, FileInput } from "@/components/challenges/files";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { MAX_ATTACHMENT_MB } from "@/lib/attachments/sniff";
import { getProject } from "@/lib/challenges/milestones";
import { isAppError } from "@/lib/errors";
import { decideMilestoneAction, paymentAction, submitMilestoneAction } from "../../../actions";

// A project's milestones: the solver submits, the sponsor (or an unconflicted panel member)
// accepts or rejects with reasons (结题验收 for the last one), the sponsor records payments.
export default async function ProjectPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/challenges/applications/${id}/project`);
  const p = await getProject(actor, id).catch((e) => {
    if (isAppError(e) && e.status < 500) notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "challenges" });
  return (
    <div>
      <Link href={`/challenges/${p.challenge.id}`} className="text-sm text-brand-700 hover:underline">
        ← {p.challenge.title}
      </Link>
      <div className="mt-2 mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">
          {t("projectPage")}
          {p.application.applicant ? ` · ${p.application.applicant}` : ""}
        </h1>
        <Badge status={p.challenge.status}>{t(`status.${p.challenge.status}`)}</Badge>
      </div>
      {p.milestones.map((m, i) => (
        <Panel key={m.id} title={`${m.seq}. ${m.title}${i === p.milestones.length - 1 ? ` (${t("finalAcceptance")})` : ""}`} testId="milestone">
          <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
            <Badge status={m.status}>{t(`msStatus.${m.status}`)}</Badge>
            {m.late && (
              <span data-testid="late" className="rounded bg-red-100 px-2 py-0.5 text-xs text-red-700">
                {t("late")}
              </span>
            )}
            <span>
              {t("due")}: {formatDate(m.dueAt, locale)}
            </span>
            <span>· {formatCny(m.amountCny, locale)}</span>
            {m.paidAt && (
              <span className="text-green-700">
                · {t("paid")}: {formatCny(m.paidAmountCny ?? 0, locale)} ({formatDate(m.paidAt, locale)})
              </span>
            )}
          </div>
          <p className="text-sm">
            {t("deliverables")}: {m.deliverables}
          </p>
          {m.submissionNote && (
            <p className="mt-2 rounded bg-slate-50 p-2 text-sm">
              {t("submission")}: {m.submissionNote}
            </p>
          )}
          {m.files.length > 0 && (
            <div className="mt-2">
              <ChallengeFiles files={m.files} />
            </div>
          )}
          {m.decisionReason && (
            <p className="mt-2 rounded bg-red-50 p-2 text-sm" data-testid="rejection">
              {t("decisionReason")}: {m.decisionReason}
            </p>
          )}
          <div className="mt-3 flex flex-wrap gap-4">
            {p.may.submit && (m.status === "PENDING" || m.status === "REJECTED") && (
              <ActionForm
                action={submitMilestoneAction.bind(null, locale)}
                submitLabel={t("submitMilestone")}
                pendingLabel={t("pending")}
                testId="submit-milestone"
              >
                <input type="hidden" name="milestoneId" value={m.id} />
                <input type="hidden" name="version" value={m.version} />
                <Field name="note" label={t("submissionNote")} multiline rows={2} />
                <FileInput name="deliverables" label={t("deliverableFiles")} hint={t("attachmentsHint", { mb: MAX_ATTACHMENT_MB })} />
              </ActionForm>
            )}
            {p.may.decide && m.status === "SUBMITTED" && (
              <>
                <ActionForm action={decideMilestoneAction.bind(null, locale)} submitLabel={t("accept")} pendingLabel={t("pending")} testId="accept-milestone">
                  <input type="hidden" name="milestoneId" value={m.id} />
                  <input type="hidden" name="version" value={m.version} />
                  <input type="hidden" name="accept" value="true" />
                </ActionForm>
                <ActionForm
                  action={decideMilestoneAction.bind(null, locale)}
                  submitLabel={t("reject")}
                  pendingLabel={t("pending")}
                  danger
                  testId="reject-milestone"
                >
                  <input type="hidden" name="milestoneId" value={m.id} />
                  <input type="hidden" name="version" value={m.version} />
                  <input type="hidden" name="accept" value="false" />
                  <Field name="reason" label={t("rejectReason")} />
                </ActionForm>
              </>
            )}
            {p.may.pay && m.status === "ACCEPTED" && !m.paidAt && (
              <ActionForm action={paymentAction.bind(null, locale)} submitLabel={t("recordPayment")} pendingLabel={t("pending")}>
                <input type="hidden" name="milestoneId" value={m.id} />
                <input type="hidden" name="version" value={m.version} />
                <Field name="amountCny" label={t("amount")} type="number" defaultValue={String(m.amountCny)} />
              </ActionForm>
            )}
          </div>
        </Panel>
      ))}
    </div>
  );
}
