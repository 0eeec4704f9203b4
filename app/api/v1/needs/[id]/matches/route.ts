import { NextResponse } from "next/server";
import { matchesQuerySchema } from "@/lib/api/query-schemas";
import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { AppError } from "@/lib/errors";
import { getNeedMatches } from "@/lib/matching/need-matches";

// GET /api/v1/needs/{id}/matches?limit= : research results matching a need. Only for callers
// who may read the need in full: the matcher reads its whole text, so a teaser-only or hidden
// need is a 404 here. Up to 30 come from the need's match snapshot, more are matched live.
export const GET = withApi<{ id: string }>(async ({ actor, locale, params, request }) => {
  const { limit } = readQuery(request, matchesQuerySchema, locale);
  const res = await getNeedMatches(actor, params.id, limit);
  if (!res.ok) {
    const message = locale === "zh-CN" ? "匹配服务暂时不可用，请稍后再试" : "Matching is temporarily unavailable";
    throw new AppError("UNAVAILABLE", message, { retryAfterSeconds: 30 });
  }
  return NextResponse.json({ needId: params.id, items: res.matches });
});
