import { removedSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const removeChallengePanelMemberOperation = defineOperation({
  method: "delete",
  path: "/challenges/{id}/panel/{panelMemberId}",
  operationId: "removeChallengePanelMember",
  summary: "Take an expert off the panel before the award (sponsor); 409 for an expert who has scored (the scores are kept)",
  tags: ["Challenges"],
  response: { status: 200, description: "{ removed: true }", schema: removedSchema },
  errors: ["NotFound", "Conflict"],
});
