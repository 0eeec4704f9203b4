import { searchQuerySchema } from "@/lib/api/query-schemas";
import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { searchCatalogOperation } from "./openapi";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/policy";
import { searchCatalog } from "@/lib/search/search";

// GET /api/v1/search?q=&type=needs|results : one page of hits over what the caller may see.
export const GET = withApi(async ({ actor, request }) => {
  authorize(actor, "catalog.search");
  const { q, type, page, limit, sort, ...filters } = readQuery(request, searchQuerySchema);
  const res = await searchCatalog({ q, type, viewer: actor, filters, page, limit, sort });
  if (!res.ok && res.reason === "unavailable") {
    throw new AppError("UNAVAILABLE", { key: "searchUnavailable", retryAfterSeconds: 30 });
  }
  if (!res.ok) {
    throw new AppError("VALIDATION", { key: "invalidFilter", fields: { [res.attribute]: ["v.invalidFilter"] } });
  }
  const { hits, total, totalPages } = res;
  return searchCatalogOperation.json({ items: hits, total, page: res.page, limit: res.limit, totalPages });
});
