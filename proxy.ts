import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

// Only locale routing happens here. Authorization is checked inside every page, server action
// and route handler (lib/policy), never only in the proxy.
export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
