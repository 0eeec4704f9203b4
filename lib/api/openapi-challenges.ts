import { z } from "zod";
import {
  acceptNdaSchema,
  applySchema,
  awardSchema,
  challengeInputSchema,
  challengeListQuerySchema,
  challengeMoveSchema,
  challengeUpdateSchema,
  conflictSchema,
  decideMilestoneSchema,
  outcomeSchema,
  panelMemberSchema,
  paymentSchema,
  scoreSchema,
  shortlistSchema,
  submitMilestoneSchema,
  versionSchema,
} from "@/lib/challenges/schemas";
import type { JsonSchema, OperationObject, ParameterObject, PathItem, ResponseObject } from "./openapi";

type Ref = { $ref: string };
type Helpers = {
  json: (schema: JsonSchema | Ref) => Record<string, { schema: JsonSchema | Ref }>;
  query: (schema: z.ZodObject) => ParameterObject[];
  responseRef: (id: string) => Ref;
  parameterRef: (id: string) => Ref;
  withBody: Record<string, Ref>;
  common: Record<string, Ref>;
};

// Challenges (揭榜挂帅, issue 15) in REST API v1: challenges, the caller's own applications, the
// panel's reviews and project milestones. Bodies come from lib/challenges/schemas.ts, the schemas
// the routes parse with. Illegal moves and stale versions are 409 (nothing saved).
export function challengePaths(h: Helpers): Record<string, PathItem> {
  // Dates (deadline, milestone due dates) arrive as ISO strings or YYYY-MM-DD (China time, end of day).
  const body = (schema: z.ZodType): JsonSchema =>
    z.toJSONSchema(schema, {
      io: "input",
      target: "draft-2020-12",
      unrepresentable: "any",
      override: ({ zodSchema, jsonSchema }) => {
        if (zodSchema instanceof z.ZodDate) Object.assign(jsonSchema, { type: "string", format: "date-time" });
        if (jsonSchema.type === "integer" && jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
        if (jsonSchema.type === "integer" && jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      },
    }) as JsonSchema;
  const object = (description: string): ResponseObject => ({ description, content: h.json({ type: "object" }) as ResponseObject["content"] });
  const notFound = { "404": h.responseRef("NotFound") };
  const conflict = { "409": h.responseRef("Conflict") };
  const id = [h.parameterRef("id")];
  const op = (o: Omit<OperationObject, "tags" | "responses"> & { ok: ResponseObject; body?: z.ZodType; okCode?: string }): OperationObject => ({
    operationId: o.operationId,
    summary: o.summary,
    ...(o.description ? { description: o.description } : {}),
    tags: ["Challenges"],
    ...(o.parameters ? { parameters: o.parameters } : {}),
    ...(o.body ? { requestBody: { required: true, content: h.json(body(o.body)) as never } } : {}),
    responses: { [o.okCode ?? "200"]: o.ok, ...(o.body ? { ...h.withBody, ...conflict } : {}), ...notFound, ...h.common },
  });
  return {
    "/challenges": {
      get: op({
        operationId: "listChallenges",
        summary: "Published challenges (榜单), filtered by chain, field, region, bounty band, deadline and text",
        parameters: h.query(challengeListQuerySchema),
        ok: object("{ items, total, page, pageSize }: teaser views with the number of applications (never their content)"),
      }),
      post: op({
        operationId: "createChallenge",
        summary: "Create a challenge as a DRAFT",
        description:
          "A company member for their organisation; a broker (drafting for a company, which publishes) or a platform admin (programmes) names sponsorOrganisationId. " +
          "Criteria weights and milestone shares must each add up to 100.",
        body: challengeInputSchema,
        okCode: "201",
        ok: object("the challenge view"),
      }),
    },
    "/challenges/{id}": {
      get: op({
        operationId: "getChallenge",
        summary: "A challenge as the caller may see it",
        parameters: id,
        ok: object("teaser or full view (details only when PUBLIC, after the NDA, or for the sponsor and panel)"),
      }),
      patch: op({
        operationId: "updateChallenge",
        summary: "Edit a DRAFT challenge (version check)",
        parameters: id,
        body: challengeUpdateSchema,
        ok: object("the challenge view"),
      }),
    },
    "/challenges/{id}/transitions": {
      post: op({
        operationId: "transitionChallenge",
        summary: "Publish (OPEN), close the call (REVIEW) or cancel (CANCELLED, with a reason)",
        description: "The sponsor side only. Moves outside the table, or a stale version, are 409 with a message naming the states.",
        parameters: id,
        body: challengeMoveSchema,
        ok: object("{ status, version }"),
      }),
    },
    "/challenges/{id}/nda": {
      get: op({ operationId: "getChallengeNda", summary: "The NDA of a confidential challenge", parameters: id, ok: object("{ text, textSha256 }") }),
      post: op({
        operationId: "acceptChallengeNda",
        summary: "Accept the NDA: opens the details to the caller (recorded and audited)",
        parameters: id,
        body: acceptNdaSchema,
        ok: object("{ accepted: true }"),
      }),
    },
    "/challenges/{id}/panel": {
      post: op({
        operationId: "addChallengePanelMember",
        summary: "Seat a platform user on the review panel (sponsor)",
        parameters: id,
        body: panelMemberSchema,
        okCode: "201",
        ok: object("{ id }"),
      }),
    },
    "/challenges/{id}/applications": {
      get: op({
        operationId: "listChallengeApplications",
        summary: "Applications: the sponsor's score board or a panel member's review board",
        description:
          "Sponsor: weighted scores (0..100) with the spread between experts, best first. Panel member: applications without a declared conflict; identities hidden under blind review.",
        parameters: id,
        ok: object("{ challenge, items, ... }"),
      }),
      post: op({
        operationId: "applyToChallenge",
        summary: "Apply (揭榜) before the deadline",
        parameters: id,
        body: applySchema,
        okCode: "201",
        ok: object("{ id, version }"),
      }),
    },
    "/challenges/{id}/award": {
      post: op({
        operationId: "awardChallenge",
        summary: "Award one or several applications (揭榜成功); a reason for every other",
        description: "Each award becomes a project with its plan milestones; the others are told the reason.",
        parameters: id,
        body: awardSchema,
        ok: object("{ version }"),
      }),
    },
    "/challenges/{id}/outcome": {
      post: op({
        operationId: "recordChallengeOutcome",
        summary: "Record the outcome evaluation (at completion or 12 months after)",
        parameters: id,
        body: outcomeSchema,
        okCode: "201",
        ok: object("{ id }"),
      }),
    },
    "/challenge-applications": {
      get: {
        ...op({ operationId: "listMyChallengeApplications", summary: "The caller's own applications (applicant or team member)", ok: object("{ items }") }),
        responses: { "200": object("{ items }"), ...h.common },
      },
    },
    "/challenge-applications/{id}": {
      get: op({
        operationId: "getChallengeApplication",
        summary: "An application (applicant side, sponsor, unconflicted panel member)",
        parameters: id,
        ok: object("the application view"),
      }),
    },
    "/challenge-applications/{id}/withdraw": {
      post: op({
        operationId: "withdrawChallengeApplication",
        summary: "Withdraw before the deadline (applicant)",
        parameters: id,
        body: versionSchema,
        ok: object("{ version }"),
      }),
    },
    "/challenge-applications/{id}/conflict": {
      post: op({
        operationId: "declareChallengeConflict",
        summary: "Declare a conflict of interest (panel member): the application is then neither shown nor scorable",
        parameters: id,
        body: conflictSchema,
        ok: object("{ declared: true }"),
      }),
    },
    "/challenge-applications/{id}/scores": {
      put: op({
        operationId: "scoreChallengeApplication",
        summary: "Score criteria 0..10 with comments (unconflicted panel member, in review)",
        parameters: id,
        body: scoreSchema,
        ok: object("{ saved }"),
      }),
    },
    "/challenge-applications/{id}/shortlist": {
      post: op({
        operationId: "shortlistChallengeApplication",
        summary: "Put on or take off the shortlist (sponsor, in review)",
        parameters: id,
        body: shortlistSchema,
        ok: object("{ version }"),
      }),
    },
    "/challenge-applications/{id}/milestones": {
      get: op({
        operationId: "getChallengeProject",
        summary: "An awarded application's project milestones",
        parameters: id,
        ok: object("{ application, challenge, may, milestones }"),
      }),
    },
    "/challenge-milestones/{id}/submission": {
      post: op({
        operationId: "submitChallengeMilestone",
        summary: "Submit a milestone's deliverables (solver side)",
        parameters: id,
        body: submitMilestoneSchema,
        ok: object("{ version }"),
      }),
    },
    "/challenge-milestones/{id}/decision": {
      post: op({
        operationId: "decideChallengeMilestone",
        summary: "Accept, or reject with a reason (sponsor or unconflicted panel member)",
        parameters: id,
        body: decideMilestoneSchema,
        ok: object("{ version, challengeCompleted }"),
      }),
    },
    "/challenge-milestones/{id}/payment": {
      post: op({
        operationId: "recordChallengeMilestonePayment",
        summary: "Record the payment released for an accepted milestone (sponsor)",
        parameters: id,
        body: paymentSchema,
        ok: object("{ version }"),
      }),
    },
  };
}
