"use server";
import { memberAction } from "@/lib/actions/action-client";
import { updateResultSchema } from "@/lib/results/schemas";
import { updateResult } from "@/lib/results/update-result";
import { idSchema } from "@/lib/validation/common";

// The result's organisation edits it with the create form and schema (updateResult authorizes
// against the database: anyone else gets "not found").
export const updateResultAction = memberAction
  .schema(updateResultSchema.safeExtend({ resultId: idSchema }))
  .redirect(({ input }) => `/results/${input.resultId}`)
  .action(async ({ actor, input: { resultId, ...result } }) => {
    await updateResult(actor, resultId, result);
  });
