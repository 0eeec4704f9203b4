"use server";
import { memberAction } from "@/lib/actions/action-client";
import { requestIp } from "@/lib/http/request-ip";
import { verifyOrganisationSchema } from "@/lib/orgs/schemas";
import { verifyOrganisation } from "@/lib/orgs/verify-organisation";

// Platform admins only: authorized before the form is read; the service authorizes again.
export const verifyOrganisationAction = memberAction
  .schema(verifyOrganisationSchema)
  .authorize("org.verify")
  .revalidate("/admin/organisations")
  .success("orgs.verified")
  .action(async ({ actor, input }) => {
    await verifyOrganisation(actor, input, await requestIp());
  });
