import { defineOperation } from "@/lib/api/openapi/define-operation";
import { partnerListSchema } from "@/lib/instruments/response-schemas";
import { partnerSchema } from "@/lib/instruments/schemas";

export const listPartnersOperation = defineOperation({
  method: "get",
  path: "/instruments/partners",
  operationId: "listInstitutionPartners",
  summary: "Your institution's partner organisations (partner price tier)",
  description: "Admins of the caller's organisation.",
  tags: ["Instruments"],
  response: { status: 200, description: "The partners", schema: partnerListSchema },
  errors: ["NotFound"],
});

export const addPartnerOperation = defineOperation({
  method: "post",
  path: "/instruments/partners",
  operationId: "addInstitutionPartner",
  summary: "Add a partner organisation",
  description:
    "By its registered name (exact, case aside) or its id. Its members then book your instruments at the partner price; their open bookings not yet approved are re-priced.",
  tags: ["Instruments"],
  body: { schema: partnerSchema, description: "name (the registered name) or partnerOrganisationId" },
  response: { status: 201, description: "The partners after the change", schema: partnerListSchema },
  errors: ["NotFound", "ValidationFailed"],
});
