"use server";
import { memberAction } from "@/lib/actions/action-client";
import { saveMyExpertise } from "@/lib/expertise/expertise-profile";
import { expertiseSchema } from "@/lib/expertise/schemas";

export const saveExpertiseAction = memberAction
  .schema(expertiseSchema)
  .authorize("expertise.update")
  .action(async ({ actor, input }) => {
    await saveMyExpertise(actor, input);
  });
