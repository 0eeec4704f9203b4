import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { withdrawChallengeApplicationOperation } from "./openapi";
import { withdrawApplication } from "@/lib/challenges/applications";
import { versionSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/challenge-applications/{id}/withdraw {version} : the applicant, before the deadline.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const { version } = parseOrThrow(versionSchema, await readJsonBody(request));
  return withdrawChallengeApplicationOperation.json(await withdrawApplication(actor, params.id, version));
});
