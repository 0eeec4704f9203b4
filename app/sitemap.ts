import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { listPublicPages } from "@/lib/catalog/home-catalogue";
import { hreflangAlternates, localizedPath } from "@/lib/seo/public-metadata";
import { locales } from "@/i18n/routing";

// sitemap.xml: the public pages only, i.e. what an anonymous visitor may open (the catalogue
// pages and the needs and results needScopeFor(null) / resultScopeFor(null) let through).
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = new URL(env.NEXTAUTH_URL).origin;
  const abs = (path: string) => `${origin}${path}`;
  const entry = (path: string, lastModified?: Date): MetadataRoute.Sitemap =>
    locales.map((l) => ({
      url: abs(localizedPath(l, path)),
      lastModified,
      alternates: { languages: Object.fromEntries(Object.entries(hreflangAlternates(path)).map(([k, v]) => [k, abs(v)])) },
    }));
  const { needs, results } = await listPublicPages();
  return [
    ...["/", "/needs", "/results", "/search", "/about", "/contact", "/terms", "/privacy"].flatMap((p) => entry(p)),
    ...needs.flatMap((n) => entry(`/needs/${n.id}`, n.updatedAt)),
    ...results.flatMap((r) => entry(`/results/${r.id}`, r.updatedAt)),
  ];
}
