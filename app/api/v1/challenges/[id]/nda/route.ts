import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { getChallengeNdaOperation, acceptChallengeNdaOperation } from "./openapi";
import { clientIpFrom } from "@/lib/http/client-ip";
import { acceptChallengeNda, CHALLENGE_NDA_SHA256, CHALLENGE_NDA_TEXT } from "@/lib/challenges/nda";
import { acceptNdaSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// GET /api/v1/challenges/{id}/nda : the NDA text and its SHA-256.
export const GET = withApi<{ id: string }>(async () => getChallengeNdaOperation.json({ text: CHALLENGE_NDA_TEXT, textSha256: CHALLENGE_NDA_SHA256 }));

// POST /api/v1/challenges/{id}/nda {accept: true} : opens a CONFIDENTIAL challenge's details to the caller (recorded, audited).
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  parseOrThrow(acceptNdaSchema, await readJsonBody(request));
  return acceptChallengeNdaOperation.json(await acceptChallengeNda(actor, params.id, clientIpFrom(request.headers)));
});
