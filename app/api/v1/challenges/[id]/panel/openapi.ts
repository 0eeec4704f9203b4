import { createdIdSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { panelMemberSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const addChallengePanelMemberOperation = defineOperation({
  method: "post",
  path: "/challenges/{id}/panel",
  operationId: "addChallengePanelMember",
  summary: "Seat a platform user on the review panel (sponsor)",
  tags: ["Challenges"],
  body: { schema: panelMemberSchema },
  response: { status: 201, description: "{ id }", schema: createdIdSchema },
  errors: ["NotFound", "Conflict"],
});
