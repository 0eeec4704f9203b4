import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { locales } from "@/i18n/routing";

// robots.txt: crawl the public catalogue; keep out of the API and of member-only areas.
const PRIVATE = [
  "account",
  "admin",
  "analytics",
  "broker",
  "dashboard",
  "deals",
  "expertise",
  "notifications",
  "proposals",
  "visits",
  "sign-in",
  "sign-up",
  "invitations",
  "contacts",
];

// Read at request time: the public origin (NEXTAUTH_URL) is not known when the app is built.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const origin = new URL(env.NEXTAUTH_URL).origin;
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/api/", ...locales.flatMap((l) => PRIVATE.map((p) => `/${l}/${p}`)), "/*/needs/new", "/*/results/new"] }],
    sitemap: `${origin}/sitemap.xml`,
    host: origin,
  };
}
