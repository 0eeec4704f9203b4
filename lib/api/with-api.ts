import "server-only";
import type { NextResponse } from "next/server";
import { unauthenticated } from "@/lib/errors";
import type { Actor, MaybeActor } from "@/lib/policy";
import { assertSameOrigin } from "@/lib/security/origin";
import { clientIpFrom } from "@/lib/http/client-ip";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { authenticateBearer } from "@/lib/tokens/authenticate-token";
import type { Locale } from "@/i18n/routing";
import { consumeApiQuota } from "./consume-api-quota";
import { jsonError } from "./respond";

export type ApiContext<P, A extends MaybeActor = Actor> = { actor: A; locale: Locale; params: P; request: Request };

/** The language of an API answer: English when the caller's first Accept-Language is English, else Chinese. */
export function localeOf(request: Request): Locale {
  const accept = request.headers.get("accept-language") ?? "";
  return /^\s*en\b/i.test(accept) ? "en" : "zh-CN";
}

type Handler<P, A extends MaybeActor> = (ctx: ApiContext<P, A>) => Promise<NextResponse | Response>;

// Wraps a REST v1 handler: Origin check on writes, Bearer-token authentication, error mapping to
// {error:{code,message,fields}}. Every v1 endpoint needs a token (401 without one) unless it opts
// out with { public: true }; each user has a per-minute request budget (429 beyond it,
// consume-api-quota.ts) and writes are limited per client IP and account (lib/security/rate-limit).
// Each handler still authorizes its own action through lib/policy.
export function withApi<P = Record<string, never>>(handler: Handler<P, Actor>): RouteHandler<P>;
export function withApi<P = Record<string, never>>(handler: Handler<P, MaybeActor>, options: { public: true }): RouteHandler<P>;
export function withApi<P>(handler: Handler<P, Actor> | Handler<P, MaybeActor>, options: { public?: boolean } = {}): RouteHandler<P> {
  const run = handler as Handler<P, MaybeActor>;
  return async (request, route) => {
    const locale = localeOf(request);
    try {
      assertSameOrigin(request);
      const isWrite = !["GET", "HEAD", "OPTIONS"].includes(request.method.toUpperCase());
      const hasAuthHeader = request.headers.has("authorization");
      const actor = await authenticateBearer(request.headers.get("authorization"));
      if (hasAuthHeader && !actor) throw unauthenticated("api.invalidToken");
      if (!actor && !options.public) {
        throw unauthenticated("api.tokenRequired");
      }
      if (actor) await consumeApiQuota(actor.id);
      // Writes are rate limited per client IP and per account (shared store: holds across instances).
      if (isWrite) await consumeRateLimit("apiWrite", { ip: clientIpFrom(request.headers), account: actor?.id ?? null });
      const response = await run({ actor, locale, params: await route.params, request });
      return noStore(response);
    } catch (error) {
      return noStore(jsonError(error, { locale, signal: request.signal }));
    }
  };
}

export type RouteHandler<P> = (request: Request, route: { params: Promise<P> }) => Promise<Response>;

// Answers depend on who asks: no shared cache may keep them.
function noStore(response: Response): Response {
  if (!response.headers.has("cache-control")) response.headers.set("Cache-Control", "private, no-store");
  response.headers.set("Vary", "Authorization, Accept-Language");
  return response;
}
