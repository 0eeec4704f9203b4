"use server";
import { memberAction } from "@/lib/actions/action-client";
import { answerClarification } from "@/lib/needs/clarifications";
import { answerClarificationSchema } from "@/lib/needs/schemas";

/** The owner answers a broker's clarification request on the need's page. */
export const answerClarificationAction = memberAction
  .schema(answerClarificationSchema)
  .revalidate(({ needId }) => `/needs/${needId}`)
  .success("clarify.sent")
  .action(async ({ actor, input }) => {
    await answerClarification(actor, { clarificationId: input.clarificationId, answer: input.answer });
  });
