import { withApi } from "@/lib/api/with-api";
import { listPartners, removePartner } from "@/lib/instruments/partners";
import { removePartnerOperation } from "./openapi";

// DELETE /api/v1/instruments/partners/{organisationId}
export const DELETE = withApi<{ organisationId: string }>(async ({ actor, params }) => {
  await removePartner(actor, params.organisationId);
  return removePartnerOperation.json({ items: await listPartners(actor, actor.organisationId ?? "") });
});
