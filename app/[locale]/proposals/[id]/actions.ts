"use server";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import { decideNeedEdit } from "@/lib/broker/triage";
import { idSchema } from "@/lib/validation/common";

const decisionSchema = z.strictObject({ proposalId: idSchema, decision: z.enum(["approve", "reject"]) });

export const decideProposalAction = memberAction
  .schema(decisionSchema)
  .revalidate(({ proposalId }) => `/proposals/${proposalId}`)
  .success(({ input, t }) => t(input.decision === "approve" ? "notifications.approvedDone" : "notifications.rejectedDone"))
  .action(async ({ actor, input }) => {
    await decideNeedEdit(actor, input.proposalId, input.decision === "approve");
  });
