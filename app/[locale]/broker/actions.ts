"use server";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import { clarifySchema, handOverSchema, proposeEditSchema } from "@/lib/broker/schemas";
import { claimNeed, handOverNeed, markNeedReady, proposeNeedEdit, requestClarification } from "@/lib/broker/triage";
import { introduceResearcher } from "@/lib/deals/introduce";
import { introduceSchema } from "@/lib/deals/schemas";
import { idSchema } from "@/lib/validation/common";

// The need (or visit) a form is about comes from a hidden input; the services check that this
// broker may work on it.
const need = { needId: idSchema };
const needOnly = z.strictObject(need);
const needPage = ({ needId }: { needId: string }) => `/broker/needs/${needId}`;

export const assignToMeAction = memberAction
  .schema(needOnly)
  .revalidate(needPage)
  .success("broker.assignedDone")
  .action(async ({ actor, input }) => {
    await claimNeed(actor, input.needId);
  });

export const handOverAction = memberAction
  .schema(handOverSchema.safeExtend(need))
  .revalidate(needPage)
  .success("broker.handOverDone")
  .action(async ({ actor, input }) => {
    await handOverNeed(actor, input.needId, input.brokerEmail);
  });

export const markReadyAction = memberAction
  .schema(needOnly)
  .revalidate(needPage)
  .success("broker.readyDone")
  .action(async ({ actor, input }) => {
    await markNeedReady(actor, input.needId);
  });

export const clarifyAction = memberAction
  .schema(clarifySchema.safeExtend(need))
  .revalidate(needPage)
  .success("broker.clarifyDone")
  .action(async ({ actor, input }) => {
    await requestClarification(actor, input.needId, input.question);
  });

export const proposeEditAction = memberAction
  .schema(proposeEditSchema.safeExtend(need))
  .revalidate(needPage)
  .success("broker.proposeDone")
  .action(async ({ actor, input: { needId, ...proposal } }) => {
    await proposeNeedEdit(actor, needId, proposal);
  });

// needId and resultId are hidden inputs of the candidate's form; straight on to the new deal.
export const introduceAction = memberAction
  .schema(introduceSchema)
  .redirect(({ data }) => `/deals/${(data as { id: string }).id}`)
  .action(async ({ actor, input }) => introduceResearcher(actor, input));
