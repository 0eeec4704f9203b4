import { defineOperation } from "@/lib/api/openapi/define-operation";
import { searchQuerySchema } from "@/lib/api/query-schemas";
import { searchPageSchema } from "@/lib/api/response-schemas";

export const searchCatalogOperation = defineOperation({
  method: "get",
  path: "/search",
  operationId: "searchCatalog",
  summary: "Search needs or results",
  description: "Full-text search (Chinese and English) over what the caller may see; confidential needs match on their teaser fields only.",
  tags: ["Search"],
  query: searchQuerySchema,
  response: { status: 200, description: "One page of hits", schema: searchPageSchema, component: "SearchPage" },
  errors: ["Unavailable"],
});
