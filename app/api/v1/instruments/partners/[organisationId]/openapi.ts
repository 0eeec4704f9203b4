import { defineOperation } from "@/lib/api/openapi/define-operation";
import { partnerListSchema } from "@/lib/instruments/response-schemas";

export const removePartnerOperation = defineOperation({
  method: "delete",
  path: "/instruments/partners/{organisationId}",
  operationId: "removeInstitutionPartner",
  summary: "Remove a partner organisation",
  description: "Its members' open bookings not yet approved go back to the external price.",
  tags: ["Instruments"],
  response: { status: 200, description: "The partners after the change", schema: partnerListSchema },
  errors: ["NotFound"],
});
