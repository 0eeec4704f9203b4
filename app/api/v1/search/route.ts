import { searchQuerySchema } from "@/lib/api/query-schemas";
import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { searchCatalogOperation } from "./openapi";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/policy";
import { searchCatalog } from "@/lib/search/search";

// GET /api/v1/search?q=&type=needs|results : one page of hits over what the caller may see.
export const GET = withApi(async ({ actor, locale, request }) => {
  authorize(actor, "catalog.search");
  const { q, type, page, limit, sort, ...filters } = readQuery(request, searchQuerySchema, locale);
  const res = await searchCatalog({ q, type, viewer: actor, filters, page, limit, sort });
  if (!res.ok && res.reason === "unavailable") {
    const message = locale === "zh-CN" ? "搜索暂时不可用，请稍后再试" : "Search is temporarily unavailable";
    throw new AppError("UNAVAILABLE", message, { retryAfterSeconds: 30 });
  }
  if (!res.ok) {
    const message = locale === "zh-CN" ? "筛选条件的取值无效" : "Invalid filter value";
    throw new AppError("VALIDATION", message, { fields: { [res.attribute]: [message] } });
  }
  const { hits, total, totalPages } = res;
  return searchCatalogOperation.json({ items: hits, total, page: res.page, limit: res.limit, totalPages });
});
