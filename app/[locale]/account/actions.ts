"use server";
import { memberAction } from "@/lib/actions/action-client";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createTokenSchema } from "@/lib/users/schemas";

// The token is shown once, from the state's data.
export const createTokenAction = memberAction
  .schema(createTokenSchema)
  .authorize("token.create")
  .action(async ({ actor, input }) => {
    const { token } = await createApiToken(actor, input.name);
    return { token };
  });
