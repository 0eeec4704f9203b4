"use server";
import { z } from "zod";
import { publicAction } from "@/lib/actions/action-client";
import { acceptInvitation } from "@/lib/orgs/accept-invitation";
import { acceptInvitationSchema } from "@/lib/users/schemas";

// Public by design: the unguessable token in the link (a hidden input) is the credential.
export const acceptInvitationAction = publicAction
  .schema(acceptInvitationSchema.safeExtend({ token: z.string().trim().min(1).max(200) }))
  .action(async ({ input: { token, ...account } }) => acceptInvitation(token, account));
