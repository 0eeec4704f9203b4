import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { buildCsp, newNonce } from "./lib/security/csp";
import { anonymousPageKey, PAGE_HEADER } from "./lib/page-cache/eligibility";
import { FILL_HEADER, verifyFill } from "./lib/page-cache/fill-token";

const intl = createMiddleware(routing);

// Locale routing (next-intl) plus a per-request CSP nonce: Next.js reads the nonce from the
// request's Content-Security-Policy header and puts it on the scripts it renders. Authorization
// is checked inside every page, server action and route handler (lib/policy), never only here.
//
// Anonymous document GETs of the home page and the first catalogue pages are answered from the
// page cache (lib/page-cache/anonymous-pages.ts via app/api/page-cache), which stamps each
// response with its own nonce and CSP header. The cache fills itself by asking for the page with
// a signed placeholder nonce (lib/page-cache/fill-token.ts); only such a request is rendered with
// a nonce it did not get from here.
export default async function proxy(request: NextRequest) {
  const placeholder = await verifyFill(process.env.NEXTAUTH_SECRET, request.headers.get(FILL_HEADER));
  request.headers.delete(FILL_HEADER);
  const nonce = placeholder ?? newNonce();
  const csp = buildCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  request.headers.set("x-nonce", nonce);
  request.headers.set("content-security-policy", csp);
  const response = intl(request);
  // The cache's render is a cookie-less visit: each visitor's own response gets next-intl's cookie.
  if (placeholder) response.headers.delete("set-cookie");
  const key = placeholder
    ? null
    : anonymousPageKey({ method: request.method, pathname: request.nextUrl.pathname, search: request.nextUrl.search, headers: request.headers });
  if (key && response.status === 200 && !response.headers.has("location") && pageCacheOn()) {
    // The page's path goes as a request header: after an internal rewrite the route handler may
    // see the original URL, not the rewrite's query.
    const headers = new Headers(request.headers);
    headers.set(PAGE_HEADER, key);
    const cached = NextResponse.rewrite(sameServer(request, `/api/page-cache?path=${encodeURIComponent(key)}`), { request: { headers } });
    // next-intl's own response headers (its Link alternates, a locale cookie) still go out.
    response.headers.forEach((value, name) => {
      if (!name.startsWith("x-middleware-") && name !== "set-cookie") cached.headers.set(name, value);
    });
    for (const cookie of response.headers.getSetCookie()) cached.headers.append("set-cookie", cookie);
    return cached;
  }
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// The rewrite must keep the origin Next compares it with, or Next proxies it over HTTP as a second
// request: next.config.js sets skipProxyUrlNormalize so that request.url is that origin.
function sameServer(request: NextRequest, path: string): URL {
  return new URL(path, request.url);
}

// Production only (outside it the caches it is bound to are off); PAGE_CACHE_TTL_MS=0 turns it off.
function pageCacheOn(): boolean {
  return process.env.NODE_ENV === "production" && process.env.PAGE_CACHE_TTL_MS !== "0";
}

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
