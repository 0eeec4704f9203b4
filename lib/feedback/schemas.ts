import { z } from "zod";

export const FEEDBACK_REASONS = ["OFF_TOPIC", "TRL_TOO_EARLY", "WRONG_MODE", "ALREADY_KNOWN", "OTHER"] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

// One schema for the feedback form on need, result and broker pages. "Not useful" needs a reason.
export const matchFeedbackSchema = z
  .strictObject({
    needId: z.string().trim().min(1).max(64),
    resultId: z.string().trim().min(1).max(64),
    useful: z.enum(["yes", "no"]).transform((v) => v === "yes"),
    reason: z.preprocess((v) => (v === "" ? undefined : v), z.enum(FEEDBACK_REASONS).optional()),
  })
  .superRefine((v, ctx) => {
    if (!v.useful && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "v.feedbackReasonRequired" });
  });
export type MatchFeedbackInput = z.output<typeof matchFeedbackSchema>;
