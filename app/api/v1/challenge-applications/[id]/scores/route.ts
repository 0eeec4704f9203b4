import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { scoreChallengeApplicationOperation } from "./openapi";
import { scoreApplication } from "@/lib/challenges/review";
import { scoreSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// PUT /api/v1/challenge-applications/{id}/scores {scores:[{criterionKey, score 0..10, comment?}]} : an unconflicted panel member, in review.
export const PUT = withApi<{ id: string }>(async ({ actor, params, request }) =>
  scoreChallengeApplicationOperation.json(await scoreApplication(actor, params.id, parseOrThrow(scoreSchema, await readJsonBody(request)))),
);
