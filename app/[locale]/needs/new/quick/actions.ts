"use server";
import { memberAction } from "@/lib/actions/action-client";
import { createNeed } from "@/lib/needs/create-need";
import { createNeedSchema } from "@/lib/needs/schemas";

// The one-page form; the confidential settings are sent only when the form shows them.
export const createNeedAction = memberAction
  .schema(createNeedSchema)
  .authorize("need.create")
  .redirect(({ data }) => `/needs/${(data as { id: string }).id}`)
  .action(async ({ actor, input }) => createNeed(actor, input));
