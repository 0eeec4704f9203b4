"use server";
import { memberAction } from "@/lib/actions/action-client";
import { invitationOptionsFor, inviteMember } from "@/lib/orgs/invite-member";
import { inviteMemberSchemaFor } from "@/lib/users/schemas";

// The role posted is checked against the inviting organisation's kind: a hand-made BROKER is a field error.
export const inviteMemberAction = memberAction
  .authorize("org.invite")
  .schema(async ({ actor }) => inviteMemberSchemaFor((await invitationOptionsFor(actor)).kind))
  .action(async ({ actor, input, locale }) => {
    await inviteMember(actor, input, locale);
    return { email: input.email };
  });
