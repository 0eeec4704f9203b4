import "server-only";
import type { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import type { MaybeActor } from "@/lib/policy";
import { authenticateBearer } from "@/lib/tokens/authenticate-token";
import type { UiLocale } from "@/lib/validation/parse-input";
import { jsonError } from "./respond";

export type ApiContext<P> = { actor: MaybeActor; locale: UiLocale; params: P; request: Request };

function localeOf(request: Request): UiLocale {
  const accept = request.headers.get("accept-language") ?? "";
  return /^\s*zh/i.test(accept) ? "zh-CN" : "en";
}

// Wraps a REST v1 handler: Bearer-token authentication, error mapping to {error:{code,message,fields}}.
// Each handler still authorizes its own action through lib/policy.
export function withApi<P = Record<string, never>>(
  handler: (ctx: ApiContext<P>) => Promise<NextResponse | Response>,
) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const hasAuthHeader = request.headers.has("authorization");
      const actor = await authenticateBearer(request.headers.get("authorization"));
      if (hasAuthHeader && !actor) throw new AppError("UNAUTHENTICATED", "Invalid or revoked token");
      return await handler({ actor, locale: localeOf(request), params: await route.params, request });
    } catch (error) {
      return jsonError(error);
    }
  };
}
