import { forbidden } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins this app is served from: NEXTAUTH_URL (public URL) and the request's own host. */
function allowedOrigins(request: Request): Set<string> {
  const out = new Set<string>();
  if (process.env.NEXTAUTH_URL) {
    try {
      out.add(new URL(process.env.NEXTAUTH_URL).origin);
    } catch {
      /* validated at start-up */
    }
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) {
    const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
    out.add(`${proto}://${host}`);
  }
  return out;
}

/**
 * Refuses a state-changing request sent by a browser from another site (CSRF). Browsers always
 * send Origin on cross-site POST/PATCH/PUT/DELETE; API clients (curl, scripts) send none and
 * authenticate with a Bearer token, which a foreign page cannot attach.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  if (origin === null) return;
  if (origin === "null" || !allowedOrigins(request).has(origin)) {
    throw forbidden("crossSite");
  }
}
