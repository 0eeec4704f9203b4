import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { askChallengeQuestionOperation } from "./openapi";
import { askQuestion } from "@/lib/challenges/questions";
import { questionSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/challenge-applications/{id}/questions {question} : the sponsor or an unconflicted expert asks a shortlisted applicant.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const { question } = parseOrThrow(questionSchema, await readJsonBody(request));
  return askChallengeQuestionOperation.json(await askQuestion(actor, params.id, question), { status: 201 });
});
