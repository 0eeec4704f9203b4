import { logger } from "@/lib/logger";
import { parseProxyTrust, resolveClientIp, type ProxyTrust } from "./proxy-trust";

// The caller's IP address, for audit rows, NDA acceptances and per-IP rate limits (never for
// access decisions). The one place that derives it: every route, action and page goes through
// clientIpFrom.
//
// Why a header of our own: Next.js gives route handlers, server actions and pages only the
// request headers, never the socket. `next start` (16.x, server/base-server.js) does
// `req.headers['x-forwarded-for'] ??= socket.remoteAddress`: it fills X-Forwarded-For only when
// the request has none, neither appending nor overwriting, so with a client-sent header the
// socket address is lost and X-Forwarded-For is whatever the client wrote. The web server is
// therefore started with a preload (scripts/web/peer-address.mjs, in `npm start` and every
// script that runs `next start`) that writes the socket's address into PEER_ADDRESS_HEADER on
// every request before Next sees it, replacing any value the client sent, and marks the process.
// Without the mark (e.g. `next dev` started by hand) the header is not believed and the address
// is unknown (null): per-IP limits then do not apply, the per-account ones still do.

export const PEER_ADDRESS_HEADER = "x-techbridge-peer-address";
const STAMPED = Symbol.for("techbridge.peer-address-stamped");

/** True once the preload stamps every request of this process with its socket address. */
export function peerAddressIsStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPED] === true;
}

/** Tests and the preload: requests of this process carry a trustworthy PEER_ADDRESS_HEADER. */
export function markPeerAddressStamped(): void {
  (globalThis as Record<symbol, unknown>)[STAMPED] = true;
}

let cached: { key: string; trust: ProxyTrust } | null = null;
let warnedUnstamped = false;

function proxyTrust(): ProxyTrust {
  const key = `${process.env.TRUSTED_PROXY_HOPS ?? ""}|${process.env.TRUSTED_PROXIES ?? ""}`;
  if (cached?.key === key) return cached.trust;
  let trust: ProxyTrust;
  try {
    trust = parseProxyTrust({ TRUSTED_PROXY_HOPS: process.env.TRUSTED_PROXY_HOPS, TRUSTED_PROXIES: process.env.TRUSTED_PROXIES });
  } catch (err) {
    // lib/env.ts refuses to start with such a value; should it change at run time, trust no proxy.
    logger.error({ err: (err as Error).message }, "proxy trust settings invalid: using the socket address only");
    trust = { kind: "none" };
  }
  cached = { key, trust };
  return trust;
}

export function clientIpFrom(headers: Pick<Headers, "get">): string | null {
  if (!peerAddressIsStamped()) {
    if (!warnedUnstamped && process.env.NODE_ENV === "production") {
      warnedUnstamped = true;
      logger.warn("client IP unknown: the web server was started without scripts/web/peer-address.mjs (use npm start)");
    }
    return null;
  }
  return resolveClientIp(headers.get(PEER_ADDRESS_HEADER), headers.get("x-forwarded-for"), proxyTrust());
}
