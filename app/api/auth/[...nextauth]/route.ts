import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { isAppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/security/origin";
import { clientIpFrom } from "@/lib/http/client-ip";
import { consumeRateLimit, type LimitedAction } from "@/lib/security/rate-limit";

const handler = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Which next-auth POST endpoints spend which limit (per client IP and per email address).
function limitedAction(path: string[]): LimitedAction | null {
  const joined = path.join("/");
  if (joined === "callback/credentials") return "signIn";
  if (joined === "signin/email") return "magicLink";
  return null;
}

// Password sign-in and magic-link requests are rate limited before next-auth sees them; a refusal
// answers like next-auth's own errors ({ url: ...?error=RateLimited }) with 429 and Retry-After.
async function POST(request: Request, context: RouteContext) {
  const { nextauth } = await context.params;
  const action = limitedAction(nextauth);
  if (action) {
    try {
      assertSameOrigin(request);
      const form = await request.clone().formData();
      const email = form.get("email");
      await consumeRateLimit(action, { ip: clientIpFrom(request.headers), account: typeof email === "string" ? email : null });
    } catch (error) {
      if (!isAppError(error)) throw error;
      const url = new URL(`/zh-CN/sign-in?error=${error.code === "RATE_LIMITED" ? "RateLimited" : "Forbidden"}`, request.url).toString();
      const headers: Record<string, string> = { "Cache-Control": "no-store" };
      if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
      return NextResponse.json({ url, error: error.code }, { status: error.status, headers });
    }
  }
  return handler(request, context);
}

export { handler as GET, POST };
