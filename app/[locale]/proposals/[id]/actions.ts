"use server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { decideNeedEdit } from "@/lib/broker/triage";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction, text } from "@/lib/forms/run-form-action";

const decisionSchema = z.strictObject({ decision: z.enum(["approve", "reject"]) });

export async function decideProposalAction(locale: string, proposalId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "notifications" });
  return runFormAction(
    locale,
    { decision: text(fd, "decision") },
    decisionSchema,
    async (actor, d) => {
      await decideNeedEdit(actor, proposalId, d.decision === "approve");
      return d.decision === "approve" ? t("approvedDone") : t("rejectedDone");
    },
    { revalidate: `/proposals/${proposalId}` },
  );
}
