"use server";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import { setResultPublished } from "@/lib/results/withdraw-result";
import { idSchema } from "@/lib/validation/common";

const publishSchema = z.strictObject({ resultId: idSchema, published: z.enum(["yes", "no"]).transform((v) => v === "yes") });

export const setResultPublishedAction = memberAction
  .schema(publishSchema)
  .revalidate(({ resultId }) => `/results/${resultId}`)
  .action(async ({ actor, input }) => {
    await setResultPublished(actor, input.resultId, input.published);
  });
