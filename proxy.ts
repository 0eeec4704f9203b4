import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { buildCsp, newNonce } from "./lib/security/csp";

const intl = createMiddleware(routing);

// Locale routing (next-intl) plus a per-request CSP nonce: Next.js reads the nonce from the
// request's Content-Security-Policy header and puts it on the scripts it renders. Authorization
// is checked inside every page, server action and route handler (lib/policy), never only here.
export default function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = buildCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  request.headers.set("x-nonce", nonce);
  request.headers.set("content-security-policy", csp);
  const response = intl(request);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
