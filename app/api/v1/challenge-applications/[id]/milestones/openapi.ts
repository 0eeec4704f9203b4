import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";

// Challenges (揭榜挂帅, issue 15). Responses are the views of lib/challenges (documented loosely).
export const getChallengeProjectOperation = defineOperation({
  method: "get",
  path: "/challenge-applications/{id}/milestones",
  operationId: "getChallengeProject",
  summary: "An awarded application’s project milestones",
  tags: ["Challenges"],
  response: { status: 200, description: "{ application, challenge, may, milestones }", schema: z.looseObject({}) },
  errors: ["NotFound"],
});
