import { withApi } from "@/lib/api/with-api";
import { getChallengeProjectOperation } from "./openapi";
import { getProject } from "@/lib/challenges/milestones";

// GET /api/v1/challenge-applications/{id}/milestones : an awarded application's project and its milestones.
export const GET = withApi<{ id: string }>(async ({ actor, params }) => getChallengeProjectOperation.json(await getProject(actor, params.id)));
