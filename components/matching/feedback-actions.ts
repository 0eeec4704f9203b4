"use server";
import { memberAction } from "@/lib/actions/action-client";
import { submitMatchFeedback } from "@/lib/feedback/match-feedback";
import { matchFeedbackSchema } from "@/lib/feedback/schemas";

export const matchFeedbackAction = memberAction
  .schema(matchFeedbackSchema)
  .authorize("match.feedback")
  .action(async ({ actor, input }) => {
    await submitMatchFeedback(actor, input);
  });
