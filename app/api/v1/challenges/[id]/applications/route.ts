import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { listChallengeApplicationsOperation, applyToChallengeOperation } from "./openapi";
import { applyToChallenge } from "@/lib/challenges/applications";
import { getReviewBoard, getScoreBoard } from "@/lib/challenges/review";
import { applySchema } from "@/lib/challenges/schemas";
import { can } from "@/lib/policy";
import { loadChallenge } from "@/lib/challenges/load";
import { prisma } from "@/lib/db";
import { parseOrThrow } from "@/lib/validation/parse-input";

// GET /api/v1/challenges/{id}/applications : the sponsor's score board (weighted scores, spread),
// or a panel member's review board (no conflicted applications; identities hidden under blind review).
export const GET = withApi<{ id: string }>(async ({ actor, params }) => {
  const { facts } = await loadChallenge(prisma, actor, params.id);
  if (can(actor, "challenge.manage", facts)) return listChallengeApplicationsOperation.json(await getScoreBoard(actor, params.id));
  return listChallengeApplicationsOperation.json(await getReviewBoard(actor, params.id));
});

// POST /api/v1/challenges/{id}/applications : 揭榜, 201 {id, version}.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const input = parseOrThrow(applySchema, await readJsonBody(request));
  return applyToChallengeOperation.json(await applyToChallenge(actor, params.id, input), { status: 201 });
});
