import { defineOperation } from "@/lib/api/openapi/define-operation";
import { matchesQuerySchema } from "@/lib/api/query-schemas";
import { matchListSchema } from "@/lib/api/response-schemas";

export const listNeedMatchesOperation = defineOperation({
  method: "get",
  path: "/needs/{id}/matches",
  operationId: "listNeedMatches",
  summary: "Research results matching a need",
  description:
    "Only for callers who may read the need in full (its owners, brokers acting for them, and anyone for PUBLIC and ANONYMOUS needs); others get 404.",
  tags: ["Needs", "Search"],
  query: matchesQuerySchema,
  response: { status: 200, description: "Matching results, best first", schema: matchListSchema, component: "MatchList" },
  errors: ["NotFound", "Unavailable"],
});
