import { readJsonBody } from "@/lib/api/read-json";
import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { listChallengesOperation, createChallengeOperation } from "./openapi";
import { createChallenge } from "@/lib/challenges/manage-challenge";
import { getChallengeView, listChallenges } from "@/lib/challenges/queries";
import { challengeInputSchema, challengeListQuerySchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// GET /api/v1/challenges?q=&chainId=&field=&region=&bounty=&deadlineWithinDays=&status=&page= : published challenges.
export const GET = withApi(async ({ actor, request }) =>
  listChallengesOperation.json(await listChallenges(actor, readQuery(request, challengeListQuerySchema))),
);

// POST /api/v1/challenges : 201 with the new DRAFT challenge (sponsor company, broker for a company, admin).
export const POST = withApi(async ({ actor, request }) => {
  const input = parseOrThrow(challengeInputSchema, await readJsonBody(request));
  const { id } = await createChallenge(actor, input);
  return createChallengeOperation.json(await getChallengeView(actor, id), {
    status: 201,
    headers: { Location: `/api/v1/challenges/${encodeURIComponent(id)}` },
  });
});
