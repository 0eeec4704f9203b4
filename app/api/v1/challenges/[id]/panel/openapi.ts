import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { panelMemberSchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses are the views of lib/challenges (documented loosely).
export const addChallengePanelMemberOperation = defineOperation({
  method: "post",
  path: "/challenges/{id}/panel",
  operationId: "addChallengePanelMember",
  summary: "Seat a platform user on the review panel (sponsor)",
  tags: ["Challenges"],
  body: { schema: panelMemberSchema },
  response: { status: 201, description: "{ id }", schema: z.looseObject({}) },
  errors: ["NotFound", "Conflict"],
});
