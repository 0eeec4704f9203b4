import { withApi } from "@/lib/api/with-api";
import { getChallengeApplicationOperation } from "./openapi";
import { getApplicationView } from "@/lib/challenges/queries";

// GET /api/v1/challenge-applications/{id} : applicant side, sponsor, or an unconflicted panel member; 404 for anyone else.
export const GET = withApi<{ id: string }>(async ({ actor, params }) => getChallengeApplicationOperation.json(await getApplicationView(actor, params.id)));
