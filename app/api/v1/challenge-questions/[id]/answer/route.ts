import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { answerChallengeQuestionOperation } from "./openapi";
import { answerQuestion } from "@/lib/challenges/questions";
import { answerSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/challenge-questions/{id}/answer {answer} : the applicant side answers, once.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const { answer } = parseOrThrow(answerSchema, await readJsonBody(request));
  return answerChallengeQuestionOperation.json(await answerQuestion(actor, params.id, answer));
});
