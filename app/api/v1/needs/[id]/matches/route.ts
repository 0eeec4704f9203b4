import { matchesQuerySchema } from "@/lib/api/query-schemas";
import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { listNeedMatchesOperation } from "./openapi";
import { AppError } from "@/lib/errors";
import { getNeedMatches } from "@/lib/needs/get-need-matches";

// GET /api/v1/needs/{id}/matches?limit= : research results matching a need. Only for callers
// who may read the need in full: the matcher reads its whole text, so a teaser-only or hidden
// need is a 404 here. Up to 30 come from the need's match snapshot, more are matched live.
export const GET = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const { limit } = readQuery(request, matchesQuerySchema);
  const res = await getNeedMatches(actor, params.id, limit);
  if (!res.ok) {
    throw new AppError("UNAVAILABLE", { key: "matchingUnavailable", retryAfterSeconds: 30 });
  }
  return listNeedMatchesOperation.json({ needId: params.id, items: res.matches });
});
