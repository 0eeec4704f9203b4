import { serveAnonymousPage } from "@/lib/page-cache/anonymous-pages";
import { isCachedPagePath, PAGE_HEADER } from "@/lib/page-cache/eligibility";

// Not an API: proxy.ts rewrites anonymous GETs of the home page and the first catalogue pages
// here (lib/page-cache/anonymous-pages.ts). Asked directly, it serves the same public pages.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  // Named by proxy.ts in a request header; asked directly, by ?path=. Only the cached pages.
  const path = request.headers.get(PAGE_HEADER) ?? new URL(request.url).searchParams.get("path") ?? "";
  if (!isCachedPagePath(path)) return new Response(null, { status: 404 });
  return serveAnonymousPage(path);
}
