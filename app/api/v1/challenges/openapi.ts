import { challengeListSchema, challengeViewSchema } from "@/lib/api/challenge-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { challengeInputSchema, challengeListQuerySchema } from "@/lib/challenges/schemas";

// Challenges (揭榜挂帅, issue 15). Responses: lib/api/challenge-response-schemas.ts.
export const listChallengesOperation = defineOperation({
  method: "get",
  path: "/challenges",
  operationId: "listChallenges",
  summary: "Published challenges (榜单), filtered by chain, field, region, bounty band, deadline and text",
  tags: ["Challenges"],
  query: challengeListQuerySchema,
  response: {
    status: 200,
    description: "{ items, total, page, pageSize }: teaser views with the number of applications (never their content)",
    schema: challengeListSchema,
    component: "ChallengeList",
  },
  errors: [],
});

export const createChallengeOperation = defineOperation({
  method: "post",
  path: "/challenges",
  operationId: "createChallenge",
  summary: "Create a challenge as a DRAFT (company member; broker or admin name sponsorOrganisationId)",
  tags: ["Challenges"],
  body: { schema: challengeInputSchema },
  response: { status: 201, description: "The challenge view", schema: challengeViewSchema, component: "Challenge" },
  errors: ["NotFound", "Conflict"],
});
