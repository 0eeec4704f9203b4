import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { addPartner, listPartners } from "@/lib/instruments/partners";
import { partnerSchema } from "@/lib/instruments/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";
import { addPartnerOperation, listPartnersOperation } from "./openapi";

// GET /api/v1/instruments/partners : the caller's institution's partners (its admins).
export const GET = withApi(async ({ actor }) => listPartnersOperation.json({ items: await listPartners(actor, actor.organisationId ?? "") }));

// POST /api/v1/instruments/partners {name | partnerOrganisationId} : add one (201).
export const POST = withApi(async ({ actor, request }) => {
  await addPartner(actor, parseOrThrow(partnerSchema, await readJsonBody(request)));
  return addPartnerOperation.json({ items: await listPartners(actor, actor.organisationId ?? "") });
});
