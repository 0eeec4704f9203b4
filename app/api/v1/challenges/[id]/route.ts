import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { getChallengeOperation, updateChallengeOperation } from "./openapi";
import { updateChallenge } from "@/lib/challenges/manage-challenge";
import { getChallengeView } from "@/lib/challenges/queries";
import { challengeUpdateSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// GET /api/v1/challenges/{id} : the challenge as the caller may see it (teaser or full; counts only).
export const GET = withApi<{ id: string }>(async ({ actor, params }) => getChallengeOperation.json(await getChallengeView(actor, params.id)));

// PATCH /api/v1/challenges/{id} {version, ...fields} : edit a DRAFT (409 on a stale version).
export const PATCH = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const { version, ...input } = parseOrThrow(challengeUpdateSchema, await readJsonBody(request));
  await updateChallenge(actor, params.id, version, input);
  return updateChallengeOperation.json(await getChallengeView(actor, params.id));
});
